// The worklist: the home page after sign-in ("#/worklist", first in the nav), listing
// what waits for the signed-in person from every capability's registered sources
// (GET /worklist). Its nav entry counts the items where it is their turn.
import type { Feature } from '../../shared/feature';
import { worklistApi } from './api';
import { Worklist } from './Worklist';

export const worklist: Feature = {
  id: 'worklist',
  routes: [
    {
      path: 'worklist',
      label: 'My work',
      permission: 'worklist.read',
      testId: 'nav-worklist',
      component: Worklist,
      badge: async () => (await worklistApi.worklist()).items.filter((i) => i.your_turn).length,
    },
  ],
};
