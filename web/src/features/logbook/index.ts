// Logbook: equipment and room logbook entries and their corrections ("#/logbook",
// "#/logbook/SUBJECT" for one subject). LogbookLink links an equipment page to its logbook.
import type { Feature } from '../../shared/feature';
import { Logbook } from './Logbook';

export { LogbookLink } from './LogbookLink';

export const logbook: Feature = {
  id: 'logbook',
  routes: [{ path: 'logbook', label: 'Logbook', permission: 'logbook.read', testId: 'nav-logbook', component: Logbook }],
};
