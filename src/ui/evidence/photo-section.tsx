// "Show photos": one button for the inquiry. The background downloads the images (logged in the
// action log); they are shown from object URLs that are revoked on "Hide photos" and when the view
// closes, so no ID photo lands in the HTTP cache, in storage or in History.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { base64ToBytes } from '../../shared/base64.ts';
import { t } from '../../shared/i18n.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatNumber } from '../components/format-time.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { numberedNames, photoLabel } from '../components/view-labels.ts';
import { useRequest } from '../use-request.ts';

interface Shown {
  /** Where it came from (PhotoView's `name`, with `page` for a further page), unique per inquiry. */
  key: string;
  name: string;
  label: string;
  src?: string;
  error?: string;
}

// The pair a reviewer compares first; in the side panel they stand side by side.
const primaryNames = ['front-photo-url', 'center-photo-url'];

/** Object URLs of the shown photos: `make` one, `revoke` them all (on Hide, and when the view closes). */
function useObjectUrls() {
  const urls = useRef<string[]>([]);
  const revoke = () => {
    for (const url of urls.current) URL.revokeObjectURL(url);
    urls.current = [];
  };
  // A layout effect: its cleanup is registered at once, not after the next paint.
  useLayoutEffect(() => revoke, []);
  const make = (bytes: Uint8Array<ArrayBuffer>, type: string) => {
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    urls.current.push(url);
    return url;
  };
  return { make, revoke };
}

function Photo({ photo, onOpen }: { photo: Shown; onOpen: (photo: Shown) => void }) {
  if (!photo.src) {
    return (
      <figure class="photo is-missing">
        <p class="photo-problem">{photo.error}</p>
        <figcaption>{photo.label}</figcaption>
      </figure>
    );
  }
  return (
    <figure class="photo">
      <button
        type="button"
        class="photo-open"
        aria-label={t('enlargePhoto', photo.label)}
        onClick={() => onOpen(photo)}
      >
        <img src={photo.src} alt={photo.label} />
      </button>
      <figcaption>{photo.label}</figcaption>
    </figure>
  );
}

function Enlarged({ photo, onClose }: { photo: Shown; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="photo-dialog"
      aria-labelledby="photo-dialog-title"
      // Escape closes a modal dialog natively; so does the Close button.
      onClose={onClose}
    >
      {/* Named on screen too: the selfie's left, center and right poses look alike enlarged. */}
      <form method="dialog" class="photo-dialog-head">
        <h2 id="photo-dialog-title">{photo.label}</h2>
        <button type="submit">{t('close')}</button>
      </form>
      <img src={photo.src} alt={t('photoEnlarged', photo.label)} />
    </dialog>
  );
}

export function PhotoSection({ inquiry }: { inquiry: InquiryView }) {
  const count = inquiry.verifications.reduce((n, v) => n + (v.photos?.length ?? 0), 0);
  const [photos, setPhotos] = useState<Shown[] | null>(null);
  const [enlarged, setEnlarged] = useState<Shown | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const hidden = useRef(false);
  const objectUrls = useObjectUrls();
  // Two verifications of one type (a retry) have photos of the same names: each is said with its
  // verification's numbered name, as its card is (view-labels.ts verificationNames).
  const numbered = numberedNames(inquiry.verifications);
  const { busy, error, run } = useRequest(
    async () => {
      const reply = await sendRequest({ type: 'showPhotos', id: inquiry.id });
      setPhotos(
        reply.photos.map((photo): Shown => {
          const named = {
            key: `${photo.verificationId}:${photo.name}:${photo.page ?? ''}`,
            name: photo.name,
            label: numbered.has(photo.verificationId)
              ? `${photoLabel(photo)} (${numbered.get(photo.verificationId)})`
              : photoLabel(photo),
          };
          return photo.base64 && photo.type
            ? { ...named, src: objectUrls.make(base64ToBytes(photo.base64), photo.type) }
            : { ...named, error: photo.error?.message ?? t('notAvailable') };
        }),
      );
    },
    // A Try again that worked is gone with its message: the focus goes to Hide photos.
    { refocus: () => hideButton.current ?? showButton.current },
  );
  // After Hide, the focus goes back to Show photos: the button it was on is gone.
  useEffect(() => {
    if (photos === null && hidden.current) {
      hidden.current = false;
      showButton.current?.focus();
    }
  }, [photos]);
  if (count === 0 && photos === null) return null;

  const show = () => void run();
  const open = (photo: Shown) => {
    opener.current = document.activeElement as HTMLElement | null;
    setEnlarged(photo);
  };
  const close = () => {
    setEnlarged(null);
    opener.current?.focus();
  };
  // Out of the view and out of memory; showing them again downloads (and logs) them again.
  const hide = () => {
    objectUrls.revoke();
    hidden.current = true;
    setPhotos(null);
  };
  // Some shown, some not: said once, in words a screen reader hears (none shown is an error).
  const failedCount = photos?.filter((photo) => !photo.src).length ?? 0;
  const primary = photos?.filter((p) => primaryNames.includes(p.name)) ?? [];
  const others = photos?.filter((p) => !primaryNames.includes(p.name)) ?? [];
  return (
    <section aria-labelledby="photos-heading" class="photos">
      <div class="section-head">
        <h3 id="photos-heading">{t('photos')}</h3>
        {photos === null ? (
          <button type="button" ref={showButton} onClick={show} disabled={busy}>
            {t(busy ? 'loadingPhotos' : 'showPhotos')}
          </button>
        ) : (
          <button type="button" ref={hideButton} onClick={hide}>
            {t('hidePhotos')}
          </button>
        )}
      </div>
      {photos === null && !error && (
        <p class="muted">
          {count === 1 ? t('photosHiddenOne') : t('photosHidden', formatNumber(count))}
        </p>
      )}
      {error && <ProblemMessage error={error} onRetry={show} />}
      <p class="muted photo-note" role="status">
        {failedCount === 1
          ? t('photoPartlyShownOne', formatNumber(photos?.length ?? 0))
          : failedCount > 1 &&
            t('photosPartlyShown', formatNumber(failedCount), formatNumber(photos?.length ?? 0))}
      </p>
      {photos && (
        <>
          <div class="photo-primary">
            {primary.map((photo) => (
              <Photo key={photo.key} photo={photo} onOpen={open} />
            ))}
          </div>
          <div class="photo-grid">
            {others.map((photo) => (
              <Photo key={photo.key} photo={photo} onOpen={open} />
            ))}
          </div>
        </>
      )}
      {enlarged && <Enlarged photo={enlarged} onClose={close} />}
    </section>
  );
}
