// The header's live security-events badge, for users with security.monitor: counts the
// security events pushed on GET /security/events/stream (throttled sign-ins, admin
// locks, failed signings, integrity violations) since the page loaded or since the badge
// was last opened, and links to the security events page ("#/security").
import { useEffect, useState } from 'preact/hooks';
import { hasPermission } from '../../shared/session';
import { formatTime } from '../../shared/time';
import type { SessionUser } from '../../shared/types';
import { followSecurityEvents, type SecurityEvent } from './securityStream';

interface Props {
  user: SessionUser;
}

export function SecurityBadge({ user }: Props) {
  const monitor = hasPermission(user, 'security.monitor');
  const [unseen, setUnseen] = useState(0);
  const [last, setLast] = useState<SecurityEvent | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!monitor) return;
    return followSecurityEvents(
      (e) => {
        setUnseen((n) => n + 1);
        setLast(e);
      },
      setLive,
    );
  }, [monitor, user.id]);

  if (!monitor) return null;
  const title = last
    ? `${unseen} new security event(s); latest: ${last.type} at ${formatTime(last.time)}`
    : 'No new security events since this page was loaded';
  const state = live ? '' : ' (not connected: reconnecting)';
  return (
    <a
      href="#/security"
      class={unseen > 0 ? 'security-badge security-badge-alert' : 'security-badge'}
      title={title + state}
      onClick={() => setUnseen(0)}
      data-testid="security-badge"
      data-count={unseen}
      data-live={live ? 'true' : 'false'}
    >
      <span aria-hidden="true">⚠</span> Security
      {unseen > 0 && (
        <span class="nav-badge" data-testid="security-badge-count">
          {unseen}
        </span>
      )}
    </a>
  );
}
