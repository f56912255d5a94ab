// "Save PDF": Persona's print of the inquiry, saved through an anchor download of a blob URL, so
// no `downloads` permission is needed. The URL is revoked right after the click.
import { useRef } from 'preact/hooks';
import { base64ToBytes } from '../../shared/base64.ts';
import { t } from '../../shared/i18n.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { useAnnounce } from '../components/announce.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useRequest } from '../use-request.ts';

export function SavePdfButton({ id }: { id: string }) {
  const announce = useAnnounce();
  const button = useRef<HTMLButtonElement>(null);
  const { busy, slow, error, run } = useRequest(
    async () => {
      const reply = await sendRequest({ type: 'printInquiry', id });
      const url = URL.createObjectURL(
        new Blob([base64ToBytes(reply.base64)], { type: 'application/pdf' }),
      );
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = reply.filename;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // The download has taken its copy by the next task; the URL is not needed after that.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      announce(t('pdfSaved'));
      // A Try again that worked is gone with its message: the focus goes back to Save PDF.
    },
    { refocus: () => button.current },
  );
  const save = () => void run();
  return (
    <div class="save-pdf">
      <button type="button" ref={button} onClick={save} disabled={busy} aria-describedby="pdf-hint">
        {t(busy ? 'preparingPdf' : 'savePdf')}
      </button>
      {/* The masking is the desk's; Persona's print is its own, and may hold what is masked here. */}
      <p class="hint" id="pdf-hint">
        {t('pdfHint')}
      </p>
      <p class="hint" role="status">
        {slow ? t('stillWaiting') : ''}
      </p>
      {error && <ProblemMessage error={error} onRetry={save} />}
    </div>
  );
}
