// Master data: the browser by kind, object pages with versions and diffs
// ("#/masterdata/KIND/ID"), change requests with drafts and signed commands
// ("#/change-requests/CR-000001").
import type { Feature } from '../../shared/feature';
import { ChangeRequests } from './ChangeRequests';
import { MasterData } from './MasterData';

export const masterdata: Feature = {
  id: 'masterdata',
  routes: [
    { path: 'masterdata', label: 'Master data', permission: 'masterdata.read', testId: 'nav-masterdata', component: MasterData },
    {
      path: 'change-requests',
      label: 'Change requests',
      permission: 'masterdata.read',
      testId: 'nav-change-requests',
      component: ChangeRequests,
    },
  ],
};

// For other capabilities (audit trail payloads, validation messages): readable diffs
// and field paths in the words of the kinds table, and the kinds table itself.
export { DiffTable, PathLabel } from './DiffTable';
export { ContentView } from './ContentView';
export { loadKinds, kindLabel } from './kinds';
export { labelPath, humanize, changeText } from './labels';
