// The ledger's event types with their labels (the type filter's choices and the audit
// trail's "Event" column). A type not listed is labelled by rule.

const EVENT_LABELS: Record<string, string> = {
  'ledger.initialized': 'Ledger initialized',
  'store.restored': 'Backup restored',
  'user.created': 'User created',
  'user.disabled': 'User disabled',
  'user.renamed': 'User renamed',
  'user.role_granted': 'Role granted',
  'user.role_revoked': 'Role revoked',
  'user.password_changed': 'Password changed',
  'user.password_reset': 'Password reset by admin',
  'user.locked': 'Account locked',
  'user.unlocked': 'Account unlocked',
  'session.login_succeeded': 'Signed in',
  'session.login_failed': 'Sign-in failed',
  'session.logged_out': 'Signed out',
  'security.integrity_violation': 'Integrity violation',
  'logbook.entry_recorded': 'Logbook entry recorded',
  'logbook.entry_corrected': 'Logbook entry corrected',
  'change_request.opened': 'Change request opened',
  'change_request.submitted': 'Change request submitted',
  'change_request.reviewed': 'Change request reviewed',
  'change_request.approval_signed': 'Approval signed',
  'change_request.approved': 'Change request approved',
  'change_request.rejected': 'Change request rejected',
  'change_request.withdrawn': 'Change request withdrawn',
  'masterdata.draft_saved': 'Draft saved',
  'masterdata.draft_withdrawn': 'Draft withdrawn',
  'attachment.stored': 'Attachment stored',
  'signature.applied': 'Signature applied',
  'signature.failed': 'Signing failed',
  'signature.policy_published': 'Signature policy published',
  'signature.policy_acknowledged': 'Signature policy acknowledged',
  'site.settings_changed': 'Site settings changed',
  'personnel.qualification_granted': 'Qualification granted',
  'personnel.qualification_revoked': 'Qualification revoked',
  'personnel.training_recorded': 'Training recorded',
  'review.audit_trail_reviewed': 'Audit trail reviewed',
};

/** Every known event type, in the order above. */
export const EVENT_TYPES = Object.keys(EVENT_LABELS);

/** "change_request.approved" -> "Change request approved"; unknown types by rule. */
export function eventLabel(type: string): string {
  const own = EVENT_LABELS[type];
  if (own) return own;
  const words = type.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The known types and `seen` ones as filter choices, sorted by label. */
export function eventChoices(seen: string[] = []): { type: string; label: string }[] {
  return [...new Set([...EVENT_TYPES, ...seen])]
    .map((type) => ({ type, label: eventLabel(type) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
