import { t } from '../../shared/i18n.ts';
import { useAnnounce } from './announce.tsx';
import { copyText } from './copy-text.ts';

interface Props {
  label: string;
  /** Exactly what goes on the clipboard: a link or a message, nothing else. */
  text: string;
  done: string;
  primary?: boolean;
}

export function CopyButton({ label, text, done, primary }: Props) {
  const announce = useAnnounce();
  return (
    <button
      type="button"
      class={primary ? 'primary' : undefined}
      onClick={async () => announce((await copyText(text)) ? done : t('copyFailed'))}
    >
      {label}
    </button>
  );
}
