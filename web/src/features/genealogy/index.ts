// Genealogy explorer for every role ("#/genealogy", "#/genealogy/ID/backward|forward")
// and the recall report of a lot ("#/genealogy/LOT/recall").
import type { Feature } from '../../shared/feature';
import { Genealogy } from './Genealogy';

export const genealogy: Feature = {
  id: 'genealogy',
  routes: [{ path: 'genealogy', label: 'Genealogy', permission: 'genealogy.read', testId: 'nav-genealogy', component: Genealogy }],
};
