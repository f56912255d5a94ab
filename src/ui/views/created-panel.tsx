import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { Reply } from '../../shared/messages.ts';
import { describeStatus } from '../../shared/persona/status.ts';
import { offersLink } from '../../shared/persona/status-actions.ts';
import type { PrefillKey } from '../../shared/prefill.ts';
import { settingsItem, watchlistItem } from '../../shared/storage-items.ts';
import { LinkPanel } from '../components/link-panel.tsx';
import { StatusChip } from '../components/status-chip.tsx';
import { templateLabel } from '../components/template-label.ts';
import { scrollViewTo } from '../scroll-view.ts';
import { useStored } from '../use-stored.ts';
import { PREFILL_LABEL } from './create-fields.tsx';
import { useNavigation } from './router.ts';

interface Props {
  created: Reply<'createInquiry'>;
  /** The prefill fields it was sent with, named so a leftover one is seen (UX review s71b M4). */
  prefilled?: PrefillKey[];
  onAnother: () => void;
}

/**
 * What happened after Persona's 5xx answer to the first try, in the reviewer's words. Only a
 * create with a reference ID is recovered (background create-inquiry.ts).
 */
function recoveryText(recovery: 'adopted' | 'retried', referenceId: string | undefined): string {
  return t(
    recovery === 'adopted' ? 'createRecoveryAdopted' : 'createRecoveryRetried',
    referenceId ?? '',
  );
}

/** Right after "Create": the new inquiry's id and status, and its link ready to share. */
export function CreatedPanel({ created, prefilled = [], onAnother }: Props) {
  const nav = useNavigation();
  const settings = useStored(settingsItem);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    // Copy link is what the reviewer does next: in a short window (200 % zoom) it began below
    // its edge, under the id and the notes.
    const copy = heading.current?.closest('.view')?.querySelector('.link-panel .row');
    if (copy) scrollViewTo(copy, 'nearest');
  }, []);
  const { inquiry, link } = created;
  // The watcher's newer word on it: the person may finish while this screen is still open.
  const status = useStored(watchlistItem)?.find((entry) => entry.id === inquiry.id)?.status;
  const changed = status !== undefined && status !== inquiry.status;
  const now = changed ? status : inquiry.status;
  return (
    <div class="view created">
      {/* Focused as the panel opens, and read with what went otherwise than asked (the create
          recovered after a 5xx, the inquiry not watched): neither is said elsewhere, and both
          come below the id. */}
      <h2
        class="view-title"
        tabIndex={-1}
        ref={heading}
        aria-describedby={
          [created.recovery && 'create-recovery', created.unwatched && 'created-unwatched']
            .filter(Boolean)
            .join(' ') || undefined
        }
      >
        {t('inquiryCreated')}
      </h2>
      <p class="created-id">
        <code data-testid="inquiry-id">{inquiry.id}</code>{' '}
        {/* The status Persona answered with, or a newer one. */}
        <StatusChip status={changed ? status : inquiry.status} testId="status" quiet />{' '}
        <span class="muted" aria-live="polite">
          {describeStatus(changed ? status : inquiry.status).label}
        </span>
      </p>
      {/* The create handler watches every inquiry it makes: said with or without a reference. */}
      {created.unwatched ? (
        <>
          {inquiry.referenceId && (
            <p class="muted wrap-anywhere">{t('reference', inquiry.referenceId)}</p>
          )}
          <p class="banner is-warn" id="created-unwatched" data-testid="created-unwatched">
            {t('createdNotWatched')}
          </p>
        </>
      ) : (
        <p class="muted wrap-anywhere">
          {inquiry.referenceId ? t('createdReference', inquiry.referenceId) : t('createdWatched')}
        </p>
      )}
      {prefilled.length > 0 && (
        <p class="muted wrap-anywhere" data-testid="prefilled">
          {t('createdPrefilled', prefilled.map((key) => t(PREFILL_LABEL[key])).join(', '))}
        </p>
      )}
      {inquiry.templateId && (
        <p class="muted wrap-anywhere" data-testid="template">
          {templateLabel(inquiry, settings?.templates)}
        </p>
      )}
      {created.recovery && (
        <p class="banner is-warn wrap-anywhere" id="create-recovery" data-testid="create-recovery">
          {recoveryText(created.recovery, inquiry.referenceId)}
        </p>
      )}
      {/* Once the person has finished, the link is spent: nothing left to paste into the chat. */}
      {!offersLink(now) ? (
        <p class="muted" data-testid="link-done">
          {t('linkNoLongerNeeded', describeStatus(changed ? now : inquiry.status).label)}
        </p>
      ) : link ? (
        <LinkPanel link={link} chatTemplate={settings?.chatTemplate ?? ''} />
      ) : (
        <p class="banner is-warn">{t('noLinkReturned')}</p>
      )}
      <div class="row wrap form-actions">
        <button
          type="button"
          onClick={() => nav.replace({ name: 'detail', id: inquiry.id, initial: created })}
        >
          {t('viewDetails')}
        </button>
        <button type="button" onClick={onAnother}>
          {t('createAnother')}
        </button>
      </div>
    </div>
  );
}
