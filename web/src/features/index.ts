// The capabilities of the web shell. Each features/<capability>/index.ts exports a
// Feature (its pages, nav labels and permissions); the order here is the nav order.
// Adding a capability: add its folder, import its Feature here and list it.
import type { Feature } from '../shared/feature';
import { logbook } from './logbook';
import { audit } from './audit';
import { access } from './access';
import { masterdata } from './masterdata';
import { signatures } from './signatures';
import { personnel } from './personnel';
import { worklist } from './worklist';
import { terminal } from './terminal';
import { production } from './production';
import { dispatch } from './dispatch';
import { genealogy } from './genealogy';
import { quality } from './quality';
// The equipment board, downtime list and source registry (issue 12).
import { equipment } from './equipment';
// Process values: the tags and their trends (issue 12).
import { telemetry } from './telemetry';

// The worklist comes first: it is the home page after sign-in (App.tsx's default route).
export const FEATURES: Feature[] = [worklist, terminal, dispatch, equipment, telemetry, production, quality, genealogy, logbook, audit, access, personnel, masterdata, signatures];
