// Process values (issue 12, docs/telemetry.md): the tags by work unit and a tag's trend.
import type { Feature } from '../../shared/feature';
import { Tags } from './Tags';

export const telemetry: Feature = {
  id: 'telemetry',
  routes: [{ path: 'tags', label: 'Process values', permission: 'telemetry.read', testId: 'nav-tags', component: Tags }],
};
