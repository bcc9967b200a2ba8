// A disabled button always says why, visibly (not only in a tooltip): render this
// beside it with the reason while it is disabled. Give the button
// aria-describedby={id} so screen readers read the reason with it.
interface Props {
  /** The reason the action is not possible now; nothing is shown when empty. */
  reason: string | null | undefined;
  /** Its element id, for the button's aria-describedby. */
  id?: string;
  testId?: string;
}

export function DisabledReason({ reason, id, testId = 'disabled-reason' }: Props) {
  if (!reason) return null;
  return (
    <span class="disabled-reason" id={id} data-testid={testId}>
      {reason}
    </span>
  );
}
