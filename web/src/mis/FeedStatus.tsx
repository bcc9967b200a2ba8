// The MES ledger feed's state in the header (GET /api/v1/feed, read again every 15 s):
// the consumer's state, the last ledger seq taken, how far the MES's signed checkpoints
// were verified (or that they are not checked: no pinned key) and when the MIS last found
// the feed current; the newest open alarm (a gap, a changed entry, a checkpoint that does
// not verify or is overdue) in red. A resolved alarm (a checkpoint_overdue that a later
// checkpoint resolved: `resolved_at` set) stays in the API's list, not in the header.
import { useEffect, useState } from 'preact/hooks';
import { misApi, type FeedStatus as Status } from './api';
import { formatTime } from './format';

const REFRESH_MS = 15_000;

const LABELS: Record<string, string> = {
  not_configured: 'not configured',
  connecting: 'connecting',
  following: 'following',
  unreachable: 'MES unreachable',
  refused: 'refused by the MES',
  stopped: 'stopped',
};

export function FeedStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () =>
      misApi.feed().then(
        (s) => live && (setStatus(s), setFailed(false)),
        () => live && setFailed(true),
      );
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  if (!status) return failed ? <span class="mis-feed status-off" data-testid="feed-status">MES feed: unknown</span> : null;
  const bad = status.state === 'stopped' || status.state === 'refused' || status.state === 'unreachable';
  const open = status.alarms.filter((a) => !a.resolved_at);
  const alarm = open[0];
  return (
    <span class={`mis-feed ${bad ? 'status-off' : ''}`} data-testid="feed-status" data-state={status.state}
      title={status.detail || undefined}>
      MES feed: {LABELS[status.state] ?? status.state}
      {status.state !== 'not_configured' && <> · seq <span data-testid="feed-seq">{status.cursor.seq}</span></>}
      {status.state !== 'not_configured' && (
        <span data-testid="feed-checkpoints"
          title={status.checkpoints === 'checked'
            ? "The MES's signed checkpoints are checked against the site's public key"
            : "ordo-mis serve runs without --mes-public-key: the MES's signed checkpoints are not checked"}>
          {status.checkpoints !== 'checked'
            ? ' · checkpoints not checked'
            : status.checkpoint_verified_seq > 0
              ? <> · checkpoints verified to seq <span data-testid="feed-checkpoint-seq">{status.checkpoint_verified_seq}</span></>
              : ' · no checkpoint verified yet'}
        </span>
      )}
      {status.caught_up_at && <> · current at {formatTime(status.caught_up_at)} UTC</>}
      {alarm && (
        <span class="mis-feed-alarm" role="alert" data-testid="feed-alarm">
          {' '}· alarm {alarm.kind} at seq {alarm.seq}{open.length > 1 ? ` (+${open.length - 1} more)` : ''}
        </span>
      )}
    </span>
  );
}
