// One end of the trend's custom range: a labelled datetime-local input in the browser's
// local time, to the second. While the range is refused it is marked invalid and points at
// the message that says why (aria-invalid, aria-describedby).
interface Props {
  /** What it is ("From", "To"); the label reads "<name> (local time)". */
  name: string;
  /** The text as a datetime-local value ("2026-12-01T10:04:05"), or ''. */
  value: string;
  onValue: (text: string) => void;
  /** The id of the message of a refused range, or null when there is none. */
  errorId: string | null;
  testId: string;
}

export function LocalTimeField({ name, value, onValue, errorId, testId }: Props) {
  return (
    <label class="field tr-field">
      <span>{name} (local time)</span>
      <input
        type="datetime-local"
        step={1}
        value={value}
        aria-invalid={errorId !== null}
        aria-describedby={errorId ?? undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
        data-testid={testId}
      />
    </label>
  );
}
