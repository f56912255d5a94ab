import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n.ts';
import { StatusChip } from './status-chip.tsx';

interface Props {
  id: string;
  status: string;
  referenceId?: string | undefined;
  /** Right-aligned small text, e.g. "changed 5 minutes ago". */
  meta?: ComponentChildren;
  unseen?: boolean;
  /** In the page's first frame: drawn at once, or skipped until it is on screen (popup.css). */
  draw?: 'now' | 'later' | undefined;
  onOpen: () => void;
}

/** One inquiry in a list: a single button, so the whole row is one tab stop and one click. */
export function InquiryRow({ id, status, referenceId, meta, unseen, draw, onOpen }: Props) {
  return (
    <li class={draw && `draw-${draw}`}>
      <button type="button" class={`inquiry-row${unseen ? ' is-unseen' : ''}`} onClick={onOpen}>
        <span class="inquiry-row-main">
          <code class="inquiry-id">{id}</code>
          {referenceId && <span class="inquiry-ref">{referenceId}</span>}
        </span>
        <span class="inquiry-row-side">
          <StatusChip status={status} />
          {meta && <span class="inquiry-meta">{meta}</span>}
          {unseen && <span class="sr-only">{`, ${t('changedUnseen')}`}</span>}
        </span>
      </button>
    </li>
  );
}
