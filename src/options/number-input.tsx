import { useEffect, useState } from 'preact/hooks';

interface Props {
  id: string;
  value: number;
  /** The typed number; NaN while the field is empty or holds no number yet. */
  onValue: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean;
}

/**
 * A number field that shows what the person typed. Driven by the number alone, a half-typed
 * "1." came back as "1", so the next key made it "15" or "51", and an emptied field showed 0;
 * the value saved was then one nobody typed. The settings' checks say what is wrong with it.
 */
export function NumberInput({ value, onValue, ...rest }: Props) {
  const [text, setText] = useState(() => String(value));
  // A value set from outside (loaded, or normalised on save) replaces the text, not a typed one.
  useEffect(() => {
    if (parse(text) !== value && !(Number.isNaN(value) && Number.isNaN(parse(text)))) {
      setText(String(value));
    }
  }, [value]);
  return (
    <input
      {...rest}
      type="number"
      value={text}
      onInput={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        onValue(parse(typed));
      }}
    />
  );
}

function parse(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
