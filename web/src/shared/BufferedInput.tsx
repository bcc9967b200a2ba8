// A text input that keeps what the user typed while it does not (yet) parse, and
// reports the parsed value: used for numbers ("1." on the way to "1.5") and for
// comma-separated string lists.
import { useEffect, useState } from 'preact/hooks';

interface Props {
  value: unknown;
  format: (v: unknown) => string;
  /** Parsed value for the text; undefined for empty (the field is left out). */
  parse: (text: string) => unknown;
  class?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  testId?: string;
  onChange: (v: unknown) => void;
}

export function BufferedInput({ value, format, parse, onChange, testId, ...rest }: Props) {
  const [text, setText] = useState(() => format(value));

  // Follow changes from outside (prefill, reorder) unless they are what we reported.
  useEffect(() => {
    if (JSON.stringify(parse(text)) !== JSON.stringify(value)) setText(format(value));
  }, [value]);

  return (
    <input
      {...rest}
      value={text}
      onInput={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        onChange(parse(t));
      }}
      data-testid={testId}
    />
  );
}
