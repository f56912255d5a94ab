import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { recentLookupsItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { classifyQuery, notAnInquiryId } from '../../shared/persona/classify-query.ts';
import type { Draft } from '../../shared/storage-items.ts';
import { focusLost } from '../focus.ts';
import { holdTypeAhead, takeTypedAhead } from '../type-ahead.ts';
import { useStored } from '../use-stored.ts';
import { useNavigation } from './router.ts';

/** The longest query the box takes. */
const MAX_QUERY = 300;

/**
 * "Find inquiry": an `inq_…` id opens it, anything else is searched as a reference id. The text
 * is the draft's `search`, from Home's one `useDraft` (Home also reads the form's fields).
 */
export function SearchBox({
  draft,
  updateDraft,
}: {
  draft: Draft | undefined;
  updateDraft: (patch: Partial<Draft>) => void;
}) {
  const nav = useNavigation();
  const recent = useStored(recentLookupsItem) ?? [];
  const [error, setError] = useState<string | undefined>(undefined);
  const text = draft?.search ?? '';
  const input = useRef<HTMLInputElement>(null);
  const loaded = draft !== undefined;
  // Most popups open to paste an id: the box takes focus once the draft is in (it is disabled
  // until then so a keystroke cannot be lost to a late draft). Not when coming back from an
  // inquiry: the row that was opened has the focus then (inquiry-row.tsx). A search left from
  // before is selected, so the id pasted next replaces it instead of being added to it.
  const returning = nav.route.name === 'home' && nav.route.opened !== undefined;
  // Held from the box's first render, not from its effects, which wait for the first paint.
  useLayoutEffect(() => (returning ? undefined : holdTypeAhead()), []);
  useEffect(() => {
    if (!loaded) return;
    // What was typed or pasted as the desk opened, before this box had the focus (the first
    // screen's effects wait for its first paint): it goes in, in place of a search left from
    // before. Back from an inquiry, the keys were not meant for this box.
    const early = takeTypedAhead();
    // Nor when the reviewer took the focus to a row or a tab before these effects ran (they wait
    // for the first frame): the arrow key pressed next went into the box (a CI run's did).
    if (returning || !(early || focusLost())) return;
    input.current?.focus();
    input.current?.select();
    if (early) {
      setError(undefined);
      updateDraft({ search: early.slice(0, MAX_QUERY) });
    }
  }, [loaded]);

  const find = (raw: string) => {
    // Text copied from a chat or a web page can carry invisible characters (zero-width spaces and
    // joiners, direction marks, soft hyphens, a byte-order mark) that would make a good id look
    // malformed.
    const query = classifyQuery(raw.replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, ''));
    if (query.kind === 'empty') return;
    if (query.kind === 'malformed') {
      setError(notAnInquiryId(query.text));
      return;
    }
    setError(undefined);
    // Back from the results comes to this box, where the query can be corrected, not to a row
    // opened before the search.
    if (nav.route.name === 'home') {
      const { opened: _before, standIn: _around, ...home } = nav.route;
      nav.replace(home);
    }
    nav.go({ name: 'matches', query: query.kind === 'id' ? query.id : query.text });
  };

  return (
    <search class="search grow">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          find(text);
        }}
      >
        <input
          ref={input}
          type="search"
          aria-label={t('findInquiry')}
          placeholder={t('findPlaceholder')}
          spellcheck={false}
          autoComplete="off"
          maxLength={MAX_QUERY}
          value={text}
          disabled={!draft}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'search-error' : undefined}
          onInput={(event) => {
            setError(undefined);
            updateDraft({ search: event.currentTarget.value });
          }}
        />
        {error && (
          <p class="field-error" id="search-error" role="alert">
            {error}
          </p>
        )}
        {!text && recent.length > 0 && (
          <ul class="recent" aria-label={t('recentLookups')}>
            {recent.slice(0, 4).map((lookup) => (
              <li key={lookup}>
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    updateDraft({ search: lookup });
                    find(lookup);
                  }}
                >
                  {lookup}
                </button>
              </li>
            ))}
          </ul>
        )}
      </form>
    </search>
  );
}
