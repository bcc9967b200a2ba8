// Where the terminal's work units and their operation lists come from. Today: the
// equipment of master data (work units, each with its work center's class) and the open
// operations of released and in-progress orders (GET /orders?state=..., GET /orders/{id})
// whose work center class is the work unit's. This is the one module to switch to the
// dispatch endpoints (GET /work-units, GET /work-units/{id}/dispatch) once they exist:
// the rest of the terminal only uses loadWorkUnits and loadDispatchList.
import { masterdataApi } from '../masterdata/api';
import { productionApi } from '../production/api';

export interface WorkUnit {
  id: string;
  name: string;
  /** The equipment_class of its parent work center: operations of this class run here. */
  workCenterClass: string;
  capabilities: string[];
  status: string;
}

export interface DispatchEntry {
  position: number;
  order_id: string;
  operation: string;
  name: string;
  product: string;
  priority: number;
  due_date: string;
  /** The operation's state (pending, in_progress, paused, completed). */
  state: string;
  planned_quantity: number;
  unit: string;
  work_unit: string | null;
}

type Content = Record<string, unknown>;
const text = (c: Content, k: string) => (typeof c[k] === 'string' ? (c[k] as string) : '');

/** The work units of the equipment hierarchy (level work_unit, version in force), by id. */
export async function loadWorkUnits(): Promise<WorkUnit[]> {
  const { objects } = await masterdataApi.objects('equipment');
  const inForce = objects.filter((o) => o.effective_version != null);
  const contents = await Promise.all(
    inForce.map(async (o) => ({ id: o.id, c: (await masterdataApi.version(o.kind, o.id, o.effective_version!)).version.content as Content })),
  );
  const byId = new Map(contents.map((x) => [x.id, x.c]));
  return contents
    .filter((x) => text(x.c, 'level') === 'work_unit')
    .map((x) => {
      const parent = byId.get(text(x.c, 'parent'));
      return {
        id: x.id,
        name: text(x.c, 'name') || x.id,
        workCenterClass: parent ? text(parent, 'equipment_class') : '',
        capabilities: Array.isArray(x.c.capabilities) ? (x.c.capabilities as string[]) : [],
        status: text(x.c, 'status'),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

const OPEN = new Set(['pending', 'in_progress', 'paused', 'completed']);

/**
 * The open operations for one work unit, most urgent first (priority, then due date):
 * operations of released or in-progress orders of its work center class that are not
 * done, and not running on another work unit. A completed operation stays listed while
 * it awaits its second-person verification.
 */
export async function loadDispatchList(wu: WorkUnit): Promise<DispatchEntry[]> {
  const lists = await Promise.all(['in_progress', 'released'].map((state) => productionApi.orders({ state })));
  const orders = lists.flatMap((l) => l.orders);
  const details = await Promise.all(orders.map((o) => productionApi.order(o.order_id)));
  const entries: DispatchEntry[] = [];
  for (const d of details) {
    for (const op of d.operations) {
      if (op.work_center_class !== wu.workCenterClass || !OPEN.has(op.state)) continue;
      if (op.state === 'completed' && !op.spec?.second_person_verification) continue;
      if (op.work_unit && op.work_unit !== wu.id) continue;
      entries.push({
        position: 0,
        order_id: d.order.order_id,
        operation: op.operation,
        name: op.name,
        product: d.order.product,
        priority: d.order.priority,
        due_date: d.order.due_date,
        state: op.state,
        planned_quantity: op.planned_quantity,
        unit: d.order.unit,
        work_unit: op.work_unit,
      });
    }
  }
  entries.sort((a, b) => a.priority - b.priority || a.due_date.localeCompare(b.due_date) || a.order_id.localeCompare(b.order_id));
  entries.forEach((e, i) => (e.position = i + 1));
  return entries;
}
