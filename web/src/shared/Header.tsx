// Application header: product name, signed-in user's display name, login name,
// role(s), what the app puts beside them (children: the security-events badge, "Change
// password") and the sign-out button.
import type { ComponentChildren } from 'preact';
import type { SessionUser } from './types';

interface Props {
  user: SessionUser;
  onSignOut: () => void;
  children?: ComponentChildren;
}

export function Header({ user, onSignOut, children }: Props) {
  return (
    <header class="header">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">◆</span>
        <span class="brand-name">ordo</span>
        <span class="brand-sub">Manufacturing Execution</span>
      </div>
      <div class="header-user">
        <div class="user-ident">
          <span class="user-name" data-testid="user-name">
            {user.display_name || user.name}
          </span>
          <span class="user-login">{user.name}</span>
        </div>
        <span class="role-badge" data-testid="user-role">
          {user.roles.join(', ') || 'no role'}
        </span>
        {children}
        <button type="button" class="btn btn-ghost" data-testid="sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
