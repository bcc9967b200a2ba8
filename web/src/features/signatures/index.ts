// Electronic signatures: the signing and policy dialogs and the signature list (used
// by other capabilities), and the security events page ("#/security") whose nav
// entry counts the security events (failed sign-ins and signings, account changes) of
// the last 24 hours.
import type { Feature } from '../../shared/feature';
import { signaturesApi } from './api';
import { SecurityEvents, recentCount } from './SecurityEvents';

export { SignatureList } from './SignatureList';
export { SigningDialog, type RequiredComment } from './SigningDialog';

export const signatures: Feature = {
  id: 'signatures',
  routes: [
    {
      path: 'security',
      label: 'Security events',
      permission: 'audit.read',
      testId: 'nav-security',
      component: SecurityEvents,
      badge: async () => recentCount((await signaturesApi.securityEvents({ limit: 100 })).events),
    },
  ],
};
