import { t } from '../../shared/i18n.ts';
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
      <h3 id="link-heading">{t('oneTimeLink')}</h3>
      <p class="link-url">
        <code data-testid="one-time-link">{url}</code>
      </p>
      <p class={expired ? 'link-expiry is-expired' : 'link-expiry muted'} data-testid="link-expiry">
        {Number.isNaN(expiresMs)
          ? t('linkNoExpiry')
          : expired
            ? t('linkExpired')
            : t('linkExpires', formatRelative(expiresMs, now))}
      </p>
      <div class="row wrap">
        <CopyButton label={t('copyLink')} text={url} done={t('linkCopied')} primary />
        <CopyButton
          label={t('copyMessage')}
          text={fillChatMessage(chatTemplate, link, { now })}
          done={t('messageCopied')}
        />
        <a class="button" href={url} target="_blank" rel="noreferrer">
          {t('openLink')}
        </a>
      </div>
    </section>
  );
}
