// Access: sign-in and the session (used by App.tsx), user and role administration
// ("#/users").
import type { Feature } from '../../shared/feature';
import { Users } from './Users';

export { SignIn } from './SignIn';

export const access: Feature = {
  id: 'access',
  routes: [{ path: 'users', label: 'Users', permission: 'user.manage', testId: 'nav-users', component: Users }],
};
