// A coloured badge for a version status, version state or change request state.
import { statusLabel } from './labels';

interface Props {
  status: string;
  testId?: string;
}

export function StatusBadge({ status, testId }: Props) {
  return (
    <span class={`badge badge-${status}`} data-testid={testId} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
