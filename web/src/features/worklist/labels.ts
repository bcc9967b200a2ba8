// Words for the kinds of worklist items (the server's `kind`); an unknown kind shows as is.
const KIND_LABELS: Record<string, string> = {
  'change_request.approve': 'Change request to approve',
  'change_request.draft': 'My draft change request',
  'change_request.submitted': 'My submitted change request',
  'change_request.rejected': 'My rejected change request',
  'security.alerts': 'Security alerts',
};

/** "Change request to approve" for "change_request.approve". */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** "masterdata" for "masterdata.change_requests": the capability of a source. */
export function sourceLabel(source: string): string {
  const capability = source.split('.')[0] ?? source;
  const names: Record<string, string> = { masterdata: 'Master data', audit: 'Security' };
  return names[capability] ?? capability;
}
