import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { OneTimeLink } from '../../shared/messages.ts';
import { goesBack } from '../back-key.ts';
import { fillChatMessage } from './chat-message.ts';
import { CopyButton } from './copy-button.tsx';
import { formatAgo, formatRelative, useNow } from './format-time.ts';

interface Props {
  link: OneTimeLink;
  chatTemplate: string;
  /**
   * The inquiry has expired: its link no longer opens anything, whatever its own expiry says
   * (a link for 24 hours on an inquiry that expired sooner), until New link resumes it.
   */
  inquiryExpired?: boolean;
  /** When the customer started the inquiry (Persona's `started-at`), if they have. */
  startedAt?: string | undefined;
  /**
   * New link is on its way: this link is being replaced, and is not offered to copy meanwhile.
   * Copied then, the old (spent) link went into the chat, and the card swapped to the new one
   * without a word (UX review s71b L2).
   */
  renewing?: boolean;
}

/**
 * The one-time link, ready to share: copy it, or copy a chat message with it. Opening it here
 * spends it: a one-time link works once, with a five-minute grace period
 * (https://docs.withpersona.com/inquiry-one-time-links), so the reviewer is asked first.
 */
export function LinkPanel({
  link,
  chatTemplate,
  inquiryExpired = false,
  startedAt,
  renewing = false,
}: Props) {
  const now = useNow();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // What opening costs the customer, read with the button the focus moves to.
  const question = useId();
  // The question takes the focus on its safe answer, so Enter never spends the link by accident
  // and Escape (below) has the question to close rather than the whole popup.
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  const cancel = () => {
    setAsking(false);
    opener.current?.focus();
  };
  const url = link.shortUrl ?? link.url;
  const expiresMs = link.expiresAt ? Date.parse(link.expiresAt) : Number.NaN;
  const expired = inquiryExpired || expiresMs <= now;
  // Started after this link was made: if it was through this link, it has worked only five
  // minutes since. It was offered as working once, for 24 hours, and the customer asking again
  // got "already used" (UX review s71b M2). Said, not hidden: the start may have come another way
  // (an earlier link), and then this one still works.
  // The start is Persona's clock, the link's making this computer's: a start ahead of now (a
  // clock a day on, as the sandbox's when moved) says nothing of this link.
  const started = startedAt ? Date.parse(startedAt) : Number.NaN;
  const maybeUsed = !expired && started >= link.createdAt && started <= now + 60_000;
  return (
    <section class="card link-panel" aria-labelledby="link-heading">
      <h3 id="link-heading">{t('oneTimeLink')}</h3>
      <p class="link-url">
        <code data-testid="one-time-link">{url}</code>
      </p>
      <p
        class={expired || maybeUsed ? 'link-expiry is-expired' : 'link-expiry muted'}
        data-testid="link-expiry"
      >
        {renewing
          ? t('linkRenewing')
          : inquiryExpired
            ? t('linkInquiryExpired')
            : maybeUsed
              ? t('linkMaybeUsed', formatAgo(started, now))
              : Number.isNaN(expiresMs)
                ? t('linkNoExpiry')
                : expired
                  ? t('linkExpired')
                  : t('linkExpires', formatRelative(expiresMs, now))}
      </p>
      {/* An expired link opens nothing: it is not offered to copy into a chat, nor in a message
          that would say it "expires 2 hours ago". New link makes another. */}
      {!expired && !renewing && (
        <div class="row wrap">
          <CopyButton
            label={t('copyLink')}
            text={url}
            done={t('linkCopied')}
            primary={!maybeUsed}
          />
          <CopyButton
            label={t('copyMessage')}
            text={fillChatMessage(chatTemplate, link, { now })}
            done={t('messageCopied')}
          />
          <button type="button" ref={opener} aria-expanded={asking} onClick={() => setAsking(true)}>
            {t('openLinkMyself')}
          </button>
        </div>
      )}
      {asking && !expired && !renewing && (
        <fieldset
          class="confirm"
          aria-label={t('confirmOpenLink')}
          onKeyDown={(event) => {
            // Alt+← too, as Escape (back-key.ts): "not this", not leave the inquiry.
            if (event.key !== 'Escape' && !goesBack(event)) return;
            event.preventDefault();
            event.stopPropagation();
            cancel();
          }}
        >
          <p class="confirm-question" id={question}>
            {t('openLinkQuestion')}
          </p>
          <div class="row confirm-buttons">
            <a
              class="link-button destructive"
              href={url}
              target="_blank"
              rel="noreferrer"
              aria-describedby={question}
              onClick={() => setAsking(false)}
            >
              {t('openLinkAnyway')}
            </a>
            <button type="button" ref={keep} aria-describedby={question} onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
