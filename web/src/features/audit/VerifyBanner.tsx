// Status banner showing the result of the hash-chain verification
// (GET /ledger/verify): green when intact, red with the server's message when not.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { auditApi } from './api';
import type { VerifyResult } from './types';

interface Props {
  allowed: boolean;
}

type State =
  | { kind: 'loading' }
  | { kind: 'result'; result: VerifyResult }
  | { kind: 'error'; message: string };

export function VerifyBanner({ allowed }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const run = async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'result', result: await auditApi.verifyLedger() });
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) });
    }
  };

  useEffect(() => {
    if (allowed) void run();
  }, [allowed]);

  if (!allowed) {
    return (
      <div class="banner banner-neutral" data-testid="verify-banner" data-status="not-permitted">
        Chain verification needs the <code>ledger.verify</code> permission.
      </div>
    );
  }

  let cls = 'banner banner-neutral';
  let status = 'loading';
  let text = 'Verifying audit trail chain…';
  if (state.kind === 'result' && state.result.ok) {
    cls = 'banner banner-ok';
    status = 'ok';
    text = `Chain verified: ${state.result.entries} entries, ${state.result.checkpoints} checkpoints`;
  } else if (state.kind === 'result') {
    cls = 'banner banner-bad';
    status = 'broken';
    text = `Chain verification FAILED: ${state.result.message}`;
  } else if (state.kind === 'error') {
    cls = 'banner banner-bad';
    status = 'error';
    text = `Chain verification could not run: ${state.message}`;
  }

  return (
    <div class={cls} role="status" data-testid="verify-banner" data-status={status}>
      <span class="banner-icon" aria-hidden="true">
        {status === 'ok' ? '✔' : status === 'loading' ? '…' : '✖'}
      </span>
      <span class="banner-text">{text}</span>
      {state.kind === 'result' && state.result.ok && state.result.message && (
        <span class="banner-detail">({state.result.message}, head #{state.result.head_seq})</span>
      )}
      <button type="button" class="btn btn-small btn-ghost banner-action" onClick={() => void run()}>
        Re-verify
      </button>
    </div>
  );
}
