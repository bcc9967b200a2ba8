// Inline error/notice box used by forms and pages to show server problem messages.
interface Props {
  message: string | null | undefined;
  kind?: 'error' | 'info' | 'success';
  testId?: string;
}

export function ErrorBox({ message, kind = 'error', testId }: Props) {
  if (!message) return null;
  return (
    <div class={`msg msg-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {message}
    </div>
  );
}
