// Logbook: equipment and room logbook entries and their corrections ("#/logbook").
import type { Feature } from '../../shared/feature';
import { Logbook } from './Logbook';

export const logbook: Feature = {
  id: 'logbook',
  routes: [{ path: 'logbook', label: 'Logbook', permission: 'logbook.read', testId: 'nav-logbook', component: Logbook }],
};
