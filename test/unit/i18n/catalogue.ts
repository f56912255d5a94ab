// The message catalogues as the browser reads them, and chrome.i18n's substitution rules, for the
// unit tests' fake browser and the catalogue checks.
// https://developer.chrome.com/docs/extensions/reference/api/i18n#placeholders
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, Entry>;

const root = join(import.meta.dirname, '../../../_locales');

export const locales: string[] = readdirSync(root).sort();

export function readCatalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(root, locale, 'messages.json'), 'utf8'));
}

/** What chrome.i18n.getMessage answers: named placeholders and $1…$9 filled, `$$` read as `$`. */
export function resolveMessage(catalogue: Catalogue, key: string, subs: string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const fill = (text: string) =>
    text.replace(/\$\$|\$(\d)/g, (_whole, n?: string) => (n ? (subs[Number(n) - 1] ?? '') : '$'));
  // One pass over the message, so a filled-in value is never read as a placeholder itself.
  return entry.message.replace(
    /\$\$|\$(\d)|\$([a-zA-Z0-9_@]+)\$/g,
    (whole, n?: string, name?: string) => {
      if (n) return subs[Number(n) - 1] ?? '';
      if (name) {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? fill(placeholder.content) : whole;
      }
      return '$';
    },
  );
}
