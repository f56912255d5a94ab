// Omnibox suggestions from the watchlist and recent lookups. Omnibox descriptions are XML
// (https://developer.chrome.com/docs/extensions/reference/api/omnibox#type-SuggestResult), so
// every text is escaped. A status is said in the reader's language, as a notification says it.
import { t } from '../../shared/i18n.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';

export interface Suggestion {
  content: string;
  description: string;
}

const MAX_SUGGESTIONS = 6;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

export function suggestLookups(
  input: string,
  watchlist: readonly WatchEntry[],
  recent: readonly string[],
): Suggestion[] {
  const needle = input.trim().toLowerCase();
  const matches = (text: string | undefined) => !!text && text.toLowerCase().includes(needle);
  const out: Suggestion[] = [];
  const seen = new Set<string>([input.trim()]);
  const push = (content: string, description: string) => {
    if (seen.has(content) || out.length >= MAX_SUGGESTIONS) return;
    seen.add(content);
    out.push({ content, description });
  };
  for (const entry of watchlist) {
    if (needle && !matches(entry.id) && !matches(entry.referenceId)) continue;
    const ref = entry.referenceId ? ` · ${escapeXml(entry.referenceId)}` : '';
    push(
      entry.id,
      `<match>${escapeXml(entry.id)}</match>${ref} <dim>${escapeXml(statusLabel(entry.status))}</dim>`,
    );
  }
  for (const text of recent) {
    if (needle && !matches(text)) continue;
    push(text, `${escapeXml(text)} <dim>${escapeXml(t('recentLookup'))}</dim>`);
  }
  return out;
}
