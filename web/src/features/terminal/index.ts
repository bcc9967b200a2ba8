// The operator terminal ("#/terminal"): work unit, its operations, and running one
// operation with the rules of execution enforced by the server (docs/terminal.md).
import type { Feature } from '../../shared/feature';
import { Terminal } from './Terminal';

export const terminal: Feature = {
  id: 'terminal',
  routes: [{ path: 'terminal', label: 'Terminal', permission: 'execution.perform', testId: 'nav-terminal', component: Terminal }],
};
