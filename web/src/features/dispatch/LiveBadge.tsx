// Says whether a list on screen follows the server live or is connecting again.
export function LiveBadge({ live, testId }: { live: boolean; testId: string }) {
  return (
    <span class={`live-badge ${live ? 'live-on' : 'live-off'}`} role="status" data-testid={testId} data-live={live ? 'true' : 'false'}>
      {live ? 'Live' : 'Connecting...'}
    </span>
  );
}
