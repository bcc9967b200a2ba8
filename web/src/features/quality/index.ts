// The quality workspace: deviations (list, detail, investigation, signed disposition)
// and opening one by hand ("#/quality", "#/quality/deviations/ID", "#/quality/new").
// Lot release stays in production ("#/lots"), linked from here.
import type { Feature } from '../../shared/feature';
import { Quality } from './Quality';

export const quality: Feature = {
  id: 'quality',
  routes: [{ path: 'quality', label: 'Quality', permission: 'deviations.read', testId: 'nav-quality', component: Quality }],
};
