// A decision Persona answered as made, holding another comment than the one sent. A colleague's
// same decision a moment earlier, inside the clocks' slack, is taken as the desk's
// (docs/persona.md#inquiries), and its comment kept, not the reviewer's. Whether Persona keeps a
// decision's comment as `reviewer-comment` is not documented, so this is not a refusal: the
// decision stands as made, and the reviewer sees both comments, theirs to copy.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { CopyButton } from '../components/copy-button.tsx';
import { focusLost } from '../focus.ts';

/** The comments apart from spacing and line ends, which a store may change. */
function sameComment(sent: string, stored: string): boolean {
  const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
  return plain(sent) === plain(stored);
}

/** The comment this page sent, when Persona holds another for the decision; else undefined. */
export function otherComment(sent: string | undefined, stored: string | undefined) {
  return sent?.trim() && stored && !sameComment(sent, stored) ? { sent, stored } : undefined;
}

/**
 * An alert that takes the focus as it comes, when the decision's button took it with it, as the
 * notice of a decision someone else made first does: after a decision the focus would go on to
 * Next to review, and one more Enter there would take the only word of it away.
 */
export function OtherComment({ sent, stored }: { sent: string; stored: string }) {
  const notice = useRef<HTMLDivElement>(null);
  // Not out of a field the reviewer went on to while the answer was out.
  useEffect(() => {
    if (focusLost()) notice.current?.focus();
  }, []);
  return (
    <div class="banner is-warn" role="alert" tabIndex={-1} ref={notice} data-testid="other-comment">
      <p class="banner-text">{t('otherComment')}</p>
      <p class="banner-meta">{t('personaComment')}</p>
      <blockquote class="unsent-comment">{stored}</blockquote>
      <p class="banner-meta">{t('yourComment')}</p>
      <blockquote class="unsent-comment">{sent}</blockquote>
      <div class="row banner-actions">
        <CopyButton label={t('copyComment')} text={sent} done={t('commentCopied')} />
      </div>
    </div>
  );
}
