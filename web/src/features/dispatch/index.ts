// Dispatching: the supervisor's page of the work units' sequenced lists with moves
// ("#/dispatch/WU", docs/dispatch.md), and the live list the operator terminal shows.
import type { Feature } from '../../shared/feature';
import { Dispatch } from './Dispatch';

export { LiveBadge } from './LiveBadge';
export { EquipmentBlockNote, blockSummary } from './EquipmentBlockNote';
export { useDispatchList, type LiveDispatchList } from './useDispatchList';

export const dispatch: Feature = {
  id: 'dispatch',
  routes: [{ path: 'dispatch', label: 'Dispatch', permission: 'dispatch.resequence', testId: 'nav-dispatch', component: Dispatch }],
};
