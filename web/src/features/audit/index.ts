// Audit trail: the ledger, its filters and the hash-chain verification ("#/audit").
import type { Feature } from '../../shared/feature';
import { AuditTrail } from './AuditTrail';

export const audit: Feature = {
  id: 'audit',
  routes: [{ path: 'audit', label: 'Audit trail', permission: 'audit.read', testId: 'nav-audit', component: AuditTrail }],
};
