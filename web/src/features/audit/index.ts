// Audit trail: the ledger, its filters and the hash-chain verification ("#/audit"), and
// the signed reviews of its periods ("#/audit-reviews").
import type { Feature } from '../../shared/feature';
import { AuditReviews } from './AuditReviews';
import { AuditTrail } from './AuditTrail';

export const audit: Feature = {
  id: 'audit',
  routes: [
    { path: 'audit', label: 'Audit trail', permission: 'audit.read', testId: 'nav-audit', component: AuditTrail },
    { path: 'audit-reviews', label: 'Audit reviews', permission: 'audit.read', testId: 'nav-audit-reviews', component: AuditReviews },
  ],
};
