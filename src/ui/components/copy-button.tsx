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
      onClick={async () =>
        announce((await copyText(text)) ? done : 'Could not copy. Select the text and copy it.')
      }
    >
      {label}
    </button>
  );
}
