// Personnel: qualification grants (grant, revoke with a reason) and training records of
// a person ("#/personnel", personnel.manage).
import type { Feature } from '../../shared/feature';
import { Qualifications } from './Qualifications';

export const personnel: Feature = {
  id: 'personnel',
  routes: [
    { path: 'personnel', label: 'Qualifications', permission: 'personnel.manage', testId: 'nav-personnel', component: Qualifications },
  ],
};
