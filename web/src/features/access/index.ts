// Access: sign-in and the session, the header's "Change password" and live
// security-events badge (used by App.tsx), user, role and password administration
// ("#/users").
import type { Feature } from '../../shared/feature';
import { Users } from './Users';

export { SignIn } from './SignIn';
export { ChangePasswordButton } from './ChangePasswordButton';
export { SecurityBadge } from './SecurityBadge';

export const access: Feature = {
  id: 'access',
  routes: [{ path: 'users', label: 'Users', permission: 'user.manage', testId: 'nav-users', component: Users }],
};
