// A refusal of the server on the terminal: the heading in the operator's words
// (refusals.ts, by the stable reason code), the server's message (which names the
// materials, dates, limits) and what to do next.
import { ApiError, errorMessage } from '../../shared/http';
import { refusalText } from './refusals';

export function Refusal({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.reason : undefined;
  const t = refusalText(code);
  return (
    <div class="msg msg-error term-refusal" role="alert" data-testid="term-refusal" data-code={code ?? ''}>
      <strong class="term-refusal-heading" data-testid="term-refusal-heading">
        {t.heading}
      </strong>
      <p data-testid="term-refusal-message">{errorMessage(error)}</p>
      <p class="muted">{t.next}</p>
    </div>
  );
}
