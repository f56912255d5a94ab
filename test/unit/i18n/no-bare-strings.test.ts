// No text a person reads is left outside the message catalogues: the pages (popup, side panel,
// options, the desk's views) and what the background shows (notifications, badge title, context
// menu, omnibox, error messages that reach a page).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBareStrings, readSource, sourceFiles } from './bare-strings.ts';

const root = join(import.meta.dirname, '../../..');

/**
 * Text that is the same in every language: symbols, ids and Persona's own machine words.
 * Each entry is the whole text of a finding.
 */
const allowed = new Set<string>([
  // Placeholders that show the shape of an id or key, the same in every language.
  'persona_sandbox_…',
  'itmpl_…',
  // The chat message preview's example link (options, inquiries-section.tsx): a URL.
  'https://withpersona.com/verify?code=…',
]);

const folders = [
  'src/ui',
  'src/options',
  'src/popup',
  'src/side-panel',
  'src/background',
  'src/shared',
];
const sharedFiles: string[] = [];

describe('user-facing text', () => {
  const files = [...sourceFiles(root, folders), ...sharedFiles];

  it('finds the files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('all comes from the message catalogues', () => {
    const found = files.flatMap((file) => findBareStrings(file, readSource(root, file), allowed));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('would catch text, labels and prose written in place', () => {
    const source = `
      const tabs = [{ key: 'a', label: 'Watchlist' }];
      const done = ok ? t('saved') : 'Could not save. Try again.';
      const suggestion = \`\${id} <dim>recent lookup</dim>\`;
      export const View = () => (
        <div class="row wrap" id="x-y">
          <p>Hello there</p>
          <input aria-label="Find inquiry" placeholder={'inq_… or reference ID'} />
          <p>{t('fine')} · {count}</p>
        </div>
      );`;
    const texts = findBareStrings('probe.tsx', source, new Set(['·'])).map((f) => f.text);
    expect(texts).toEqual([
      'Watchlist',
      'Could not save. Try again.',
      '<dim>recent lookup</dim>',
      'Hello there',
      'Find inquiry',
      'inq_… or reference ID',
    ]);
  });
});
