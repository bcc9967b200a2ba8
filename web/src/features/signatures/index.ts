// Electronic signatures: the signing and policy dialogs and the signature list (used
// by other capabilities), and the security events page ("#/security") whose nav
// entry counts the security events (failed sign-ins and signings, account changes) of
// the last 24 hours, and the site configuration page ("#/configuration": the settings
// and the policy in force, with the change requests that set them).
import type { Feature } from '../../shared/feature';
import { signaturesApi } from './api';
import { SecurityEvents, recentCount } from './SecurityEvents';
import { SiteConfiguration } from './SiteConfiguration';

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
    {
      path: 'configuration',
      label: 'Site configuration',
      permission: 'masterdata.read',
      testId: 'nav-configuration',
      component: SiteConfiguration,
    },
  ],
};
