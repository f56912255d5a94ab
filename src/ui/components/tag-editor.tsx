import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';

interface Props {
  tags: string[];
  busy: boolean;
  /** Busy for seconds: the background is waiting on Persona (use-request.ts). */
  slow?: boolean;
  disabled?: boolean;
  /** One tag at a time (`add-tag` / `remove-tag`), so a tag added elsewhere meanwhile stays. */
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}

export function TagEditor({ tags, busy, slow, disabled, onAdd, onRemove }: Props) {
  const [typed, setTyped] = useState('');
  // A tag it already has is not sent again; the reviewer hears why nothing changed.
  const [already, setAlready] = useState<string | undefined>(undefined);
  // Said only while it holds: once that tag is removed, nothing is said.
  const alreadyShown = already !== undefined && tags.includes(already) ? already : undefined;
  const off = busy || disabled;
  // The field empties once its tag is on the inquiry: a tag Persona refused, or never got, stays
  // there to be sent again rather than typed again.
  useEffect(() => {
    if (tags.includes(typed.trim())) setTyped('');
  }, [tags]);
  return (
    <div class="tags">
      {tags.length === 0 && <p class="muted">{t('noTags')}</p>}
      <ul class="tag-list">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            {tag}
            <button
              type="button"
              class="tag-remove"
              aria-label={t('removeTag', tag)}
              disabled={off}
              onClick={() => onRemove(tag)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          const tag = typed.trim();
          if (!tag || off) return;
          if (!tags.includes(tag)) return onAdd(tag);
          setAlready(tag);
          setTyped('');
        }}
      >
        <input
          id="new-tag"
          type="text"
          class="grow"
          aria-label={t('newTag')}
          placeholder={t('addTagPlaceholder')}
          maxLength={100}
          value={typed}
          disabled={disabled}
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            setAlready(undefined);
          }}
        />
        <button type="submit" disabled={off || !typed.trim()}>
          {t('addTag')}
        </button>
      </form>
      {/* A change can take seconds on a slow line: said, so another Enter is not a mystery. */}
      <p class="hint" role="status">
        {busy
          ? t(slow ? 'stillWaiting' : 'sending')
          : alreadyShown === undefined
            ? ''
            : t('tagAlreadyThere', alreadyShown)}
      </p>
    </div>
  );
}
