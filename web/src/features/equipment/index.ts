// Equipment (issue 12, docs/equipment.md): the live equipment board, the downtime list
// where operators give stops their reasons, and the source registry for engineers.
import type { Feature } from '../../shared/feature';
import { EquipmentBoard } from './Board';
import { Downtime } from './Downtime';
import { Sources } from './Sources';

export const equipment: Feature = {
  id: 'equipment',
  routes: [
    { path: 'equipment', label: 'Equipment', permission: 'equipment.read', testId: 'nav-equipment', component: EquipmentBoard },
    { path: 'downtime', label: 'Downtime', permission: 'equipment.read', testId: 'nav-downtime', component: Downtime },
    { path: 'sources', label: 'Data sources', permission: 'equipment.sources.manage', testId: 'nav-sources', component: Sources },
  ],
};
