import { useRef, useState } from 'preact/hooks';
import type { OneTimeLink } from '../../shared/messages.ts';
import { fillChatMessage } from './chat-message.ts';
import { CopyButton } from './copy-button.tsx';
import { formatRelative, useNow } from './format-time.ts';

interface Props {
  link: OneTimeLink;
  chatTemplate: string;
}

/**
 * The one-time link, ready to share: copy it, or copy a chat message with it. Opening it here
 * spends it: a one-time link works once, with a five-minute grace period
 * (https://docs.withpersona.com/inquiry-one-time-links), so the reviewer is asked first.
 */
export function LinkPanel({ link, chatTemplate }: Props) {
  const now = useNow();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const url = link.shortUrl ?? link.url;
  const expiresMs = link.expiresAt ? Date.parse(link.expiresAt) : Number.NaN;
  const expired = expiresMs <= now;
  return (
    <section class="card link-panel" aria-labelledby="link-heading">
      <h3 id="link-heading">One-time link</h3>
      <p class="link-url">
        <code data-testid="one-time-link">{url}</code>
      </p>
      <p class={expired ? 'link-expiry is-expired' : 'link-expiry muted'} data-testid="link-expiry">
        {Number.isNaN(expiresMs)
          ? 'Works once; expiry not given by Persona.'
          : expired
            ? 'This link has expired. Make a new one.'
            : `Works once; expires ${formatRelative(expiresMs, now)}.`}
      </p>
      <div class="row wrap">
        <CopyButton label="Copy link" text={url} done="Link copied" primary />
        <CopyButton
          label="Copy message"
          text={fillChatMessage(chatTemplate, link, { now })}
          done="Message copied"
        />
        <button type="button" ref={opener} aria-expanded={asking} onClick={() => setAsking(true)}>
          Open link myself…
        </button>
      </div>
      {asking && (
        <fieldset class="confirm" aria-label="Confirm open link">
          <p class="confirm-question">
            Opening the link here uses the customer’s single-use link: five minutes after you open
            it, it no longer works for them and you will need “New link”. Open it anyway?
          </p>
          <div class="row confirm-buttons">
            <a
              class="button danger"
              href={url}
              target="_blank"
              rel="noreferrer"
              onClick={() => setAsking(false)}
            >
              Open and use the link
            </a>
            <button
              type="button"
              onClick={() => {
                setAsking(false);
                opener.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
