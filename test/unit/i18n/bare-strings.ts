// Finds text a person would read that does not come from the message catalogues: JSX text,
// user-facing attributes (aria-label, title, placeholder, alt, and the desk's own label props),
// and string literals that read as prose. Parsed with the same parser vite builds with (oxc).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Props whose value is read or announced: HTML's, ARIA's, and the desk components' own. */
const readProps = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'done',
  'question',
  'hint',
  'confirmLabel',
]);

/** Object keys that carry words to the screen (`{ label: 'Watchlist' }`, error `message`). */
const readKeys = new Set(['label', 'message', 'title', 'description', 'details']);

const letters = /\p{L}/u;
// Two words with a space between, starting with a capital or ending like a sentence; an ellipsis
// ("Loading…"); or words inside markup. Class names, ids, keys and URLs do not look like this.
const prose = (text: string) => {
  // Words between markup tags (`<dim>recent lookup</dim>` in an omnibox suggestion) are read.
  if (/<(\w+)>[^<]*\p{L}[^<]*<\/\1>/u.test(text)) return true;
  const trimmed = text.trim();
  if (!letters.test(trimmed)) return false;
  if (/…$/.test(trimmed)) return true;
  if (!/\p{L}{2,}[ ,;:]+\p{L}/u.test(trimmed)) return false;
  return /^\p{Lu}/u.test(trimmed) || /[.!?:]$/.test(trimmed);
};

type Node = { type: string; start: number; [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Text of a literal, or the literal parts of a template; undefined for anything else. */
function literalText(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') {
    return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' ');
  }
  return undefined;
}

function calleeName(node: Node): string {
  const callee = node.callee as Node;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression') {
    const object = callee.object as Node;
    return `${object.type === 'Identifier' ? object.name : ''}.${(callee.property as Node).name}`;
  }
  return '';
}

export function findBareStrings(file: string, source: string, allowed: Set<string>): Finding[] {
  const { program, errors } = parseSync(file, source, { lang: file.endsWith('x') ? 'tsx' : 'ts' });
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const found: Finding[] = [];
  const lineOf = (at: number) => source.slice(0, at).split('\n').length;
  const report = (node: Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!allowed.has(clean)) found.push({ file, line: lineOf(node.start), text: clean });
  };
  const checked = new Set<Node>();

  const visit = (node: Node) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.type !== 'ExportNamedDeclaration' || node.source) return;
        break;
      case 'TSLiteralType':
      case 'TSTypeAnnotation':
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
        return;
      case 'CallExpression': {
        const name = calleeName(node);
        // Developer logs, not the reviewer's screen; t('key') is the catalogue itself.
        if (name.startsWith('console.') || name === 't') return;
        break;
      }
      case 'NewExpression': {
        // `new Error('…')` is for developers (a stack trace); the reviewer sees DeskError's message.
        const callee = node.callee as Node;
        if (callee.type === 'Identifier' && /^(Type|Range)?Error$/.test(callee.name as string))
          return;
        break;
      }
      case 'JSXText':
        if (letters.test(node.value as string)) report(node, node.value as string);
        return;
      case 'JSXAttribute': {
        const name = (node.name as Node).name as string;
        const value = node.value as Node | null;
        const inner = value?.type === 'JSXExpressionContainer' ? value.expression : value;
        if (readProps.has(name)) {
          const text = literalText(inner);
          if (text !== undefined && letters.test(text)) {
            report(node, text);
            if (isNode(inner)) checked.add(inner);
          }
        }
        break;
      }
      case 'Property': {
        const key = node.key as Node;
        const keyName = key.type === 'Identifier' ? key.name : key.value;
        const text = literalText(node.value);
        // A catalogue key in a table (`{ label: 'statusCreated' }`) is looked up, not shown.
        const messageKey = text !== undefined && /^[a-z]+[A-Z][A-Za-z0-9]*$/.test(text);
        if (
          typeof keyName === 'string' &&
          readKeys.has(keyName) &&
          text &&
          !messageKey &&
          letters.test(text)
        ) {
          report(node, text);
          checked.add(node.value as Node);
        }
        break;
      }
      case 'Literal':
      case 'TemplateLiteral': {
        const text = literalText(node);
        if (text !== undefined && !checked.has(node) && prose(text)) report(node, text);
        break;
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'type') continue;
      for (const item of Array.isArray(child) ? child : [child]) if (isNode(item)) visit(item);
    }
  };
  visit(program as unknown as Node);
  return found;
}

/** Every .ts/.tsx file under the given folders, relative to `root`. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) out.push(relative(root, path));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out.sort();
}

export function readSource(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}
