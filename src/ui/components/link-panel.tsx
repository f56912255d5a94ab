import type { OneTimeLink } from '../../shared/messages.ts';
import { fillChatMessage } from './chat-message.ts';
import { CopyButton } from './copy-button.tsx';
import { formatRelative, useNow } from './format-time.ts';

interface Props {
  link: OneTimeLink;
  chatTemplate: string;
}

/** The one-time link, ready to share: copy it, copy a chat message with it, or try it. */
export function LinkPanel({ link, chatTemplate }: Props) {
  const now = useNow();
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
        <a class="button" href={url} target="_blank" rel="noreferrer">
          Open link
        </a>
      </div>
    </section>
  );
}
