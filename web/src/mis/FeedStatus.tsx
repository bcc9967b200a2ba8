// The MES ledger feed's state in the header (GET /api/v1/feed, read again every 15 s):
// the consumer's state, the last ledger seq taken and when the MIS last found the feed
// current; alarms (a gap or a changed entry in the MES ledger) in red.
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
  const alarm = status.alarms[0];
  return (
    <span class={`mis-feed ${bad ? 'status-off' : ''}`} data-testid="feed-status" data-state={status.state}
      title={status.detail || undefined}>
      MES feed: {LABELS[status.state] ?? status.state}
      {status.state !== 'not_configured' && <> · seq <span data-testid="feed-seq">{status.cursor.seq}</span></>}
      {status.caught_up_at && <> · current at {formatTime(status.caught_up_at)} UTC</>}
      {alarm && (
        <span class="mis-feed-alarm" role="alert" data-testid="feed-alarm">
          {' '}· alarm {alarm.kind} at seq {alarm.seq}{status.alarms.length > 1 ? ` (+${status.alarms.length - 1} more)` : ''}
        </span>
      )}
    </span>
  );
}
