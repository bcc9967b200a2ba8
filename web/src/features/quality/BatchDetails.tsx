// The full batch record behind the exception list, in collapsed sections: product and
// order, quantities and yield against limits, consumed and produced lots, operations
// with parameters against their limits, equipment status at use, deviations and the
// signature manifestations.
import type { ComponentChildren } from 'preact';
import { hashLink } from '../../shared/session';
import { formatSignatureTime } from '../../shared/time';
import { limitText } from './batchLabels';
import type { At, BatchRecord } from './batchTypes';

const at = (a: At | null | undefined) => (a ? `${formatSignatureTime(a.time)} ${a.by}` : '—');
const str = (v: unknown) => (v == null || v === '' ? '—' : String(v));

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ComponentChildren }) {
  return (
    <details class="br-section" data-testid={`br-section-${id}`}>
      <summary>
        {title}
        {count != null ? ` (${count})` : ''}
      </summary>
      <div class="br-section-body">{children}</div>
    </details>
  );
}

function Table({ head, rows, testId }: { head: string[]; rows: ComponentChildren[][]; testId?: string }) {
  if (rows.length === 0) return <p class="empty">None.</p>;
  return (
    <div class="table-wrap">
      <table class="table table-compact" data-testid={testId}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BatchDetails({ record: r }: { record: BatchRecord }) {
  const q = r.quantities;
  return (
    <div class="br-details" data-testid="batch-details">
      <h3>The full record</h3>
      <Section id="product" title="Product and order">
        <dl class="detail-grid">
          <dt>Product</dt>
          <dd>
            {str(r.product.product)} version {str(r.product.version)} (material {str(r.product.material)})
          </dd>
          <dt>Routing</dt>
          <dd>
            {str(r.product.routing)} version {str(r.product.routing_version)}
          </dd>
          <dt>Order</dt>
          <dd>{r.order.order_id}</dd>
          <dt>Created, released</dt>
          <dd class="mono">
            {formatSignatureTime(r.order.created)}, {r.order.released ? formatSignatureTime(r.order.released) : '—'}
          </dd>
          <dt>Completed</dt>
          <dd>{at(r.order.completed)}</dd>
        </dl>
      </Section>
      <Section id="quantities" title="Quantities and yield">
        <dl class="detail-grid" data-testid="br-quantities">
          <dt>Theoretical</dt>
          <dd>
            {q.theoretical} {q.unit}
          </dd>
          <dt>Actual</dt>
          <dd>
            {q.actual_base} {q.base_unit} ({q.actual_basis.replace(/_/g, ' ')})
          </dd>
          <dt>Yield</dt>
          <dd data-testid="br-yield" data-in-limits={String(q.yield_in_limits)}>
            {q.yield_percent == null ? '—' : `${q.yield_percent} %`} (limits {limitText(q.yield_low, q.yield_high, '%')}
            {q.yield_in_limits === false ? ': OUT OF LIMITS' : q.yield_in_limits ? ': in limits' : ''})
          </dd>
        </dl>
      </Section>
      <Section id="consumed" title="Consumed lots" count={r.consumed_lots.length}>
        <Table
          head={['Lot', 'Material', 'BOM item', 'Quantity', 'Operation', 'Who, when']}
          rows={r.consumed_lots.map((c) => [
            c.lot,
            c.material,
            c.bom_material,
            `${c.quantity} ${c.unit}${c.over_consumption ? ' (over-consumption)' : ''}`,
            c.operation,
            at(c.consumed),
          ])}
        />
      </Section>
      <Section id="produced" title="Produced lots" count={r.produced_lots.length}>
        <Table
          head={['Lot', 'Material', 'Quantity', 'Operation', 'Expiry', 'Who, when']}
          rows={r.produced_lots.map((l) => [
            <a href={hashLink('lots', l.lot)}>{l.lot}</a>,
            l.material,
            `${l.quantity} ${l.unit}`,
            l.operation,
            str(l.expiry),
            at(l.produced),
          ])}
        />
      </Section>
      {r.produced_serials?.length ? (
        <Section id="produced-serials" title="Produced serial numbers (device history)" count={r.produced_serials.length}>
          <Table
            head={['Serial', 'Material', 'Source', 'Operation', 'Work unit', 'Who, when']}
            rows={r.produced_serials.map((s) => [s.serial, s.material, s.source, s.operation, s.work_unit, at(s.produced)])}
          />
        </Section>
      ) : null}
      {r.consumed_serials?.length ? (
        <Section id="consumed-serials" title="Consumed component serials" count={r.consumed_serials.length}>
          <Table
            head={['Serial', 'Material', 'BOM item', 'Operation', 'Work unit', 'Who, when']}
            rows={r.consumed_serials.map((s) => [
              s.serial,
              s.material,
              `${s.bom_material}${s.alternate ? ' (alternate)' : ''}`,
              s.operation,
              s.work_unit,
              at(s.consumed),
            ])}
          />
        </Section>
      ) : null}
      <Section id="operations" title="Operations" count={r.operations.length}>
        {r.operations.map((o) => (
          <div key={o.operation} class="br-operation" data-testid="br-operation" data-operation={o.operation}>
            <h4>
              {o.operation} {o.name} <span class="muted">at {str(o.work_unit)}</span>
            </h4>
            <p>
              Started {at(o.started)}; completed {at(o.completed)}
              {o.quantities ? `; good ${o.quantities.good}, scrap ${o.quantities.scrap}, rework ${o.quantities.rework} ${o.quantities.unit}` : ''}
              {o.second_person_verification ? `; verified ${o.verification ? at(o.verification.at) : 'not yet'}` : ''}
            </p>
            <Table
              head={['Parameter', 'Value', 'Limits', 'Result', 'Who, when']}
              rows={o.parameters.map((p) => [
                p.name,
                `${p.value} ${p.unit}`,
                limitText(p.low, p.high, p.unit),
                `${p.in_limits ? 'in limits' : 'OUT OF LIMITS'}${p.critical ? ' (critical)' : ''}${p.late ? ' (late)' : ''}`,
                at(p.recorded),
              ])}
            />
            {o.characteristics.length > 0 && (
              <Table
                head={['Characteristic', 'Values', 'Specification', 'Result', 'Who, when']}
                rows={o.characteristics.map((c) => [
                  c.name,
                  `${c.values.join(', ')} ${c.unit}`,
                  limitText(c.lower_spec, c.upper_spec, c.unit),
                  c.in_spec ? 'in specification' : 'OUT OF SPECIFICATION',
                  at(c.recorded),
                ])}
              />
            )}
          </div>
        ))}
      </Section>
      <Section id="equipment" title="Equipment status at use" count={r.operations.length}>
        <Table
          head={['Operation', 'Work unit', 'Status', 'Calibration due', 'Cleaning', 'Cleaning due']}
          rows={r.operations.map((o) => {
            const e = o.equipment_at_start ?? {};
            return [o.operation, str(e.work_unit ?? o.work_unit), str(e.status), str(e.calibration_due), str(e.cleaning_status), str(e.cleaning_due)];
          })}
        />
      </Section>
      <Section id="deviations" title="Deviations" count={r.deviations.length}>
        <Table
          head={['Deviation', 'Classification', 'Title', 'State', 'Dispositions']}
          rows={r.deviations.map((d) => [
            <a href={hashLink('quality', 'deviations', d.id)}>{d.id}</a>,
            d.classification,
            d.title,
            d.state,
            d.dispositions.length,
          ])}
        />
      </Section>
      <Section id="signatures" title="Signature manifestations" count={r.signatures.length}>
        <Table
          testId="br-signatures"
          head={['Printed name', 'Signer', 'Meaning', 'Date and time', 'Record']}
          rows={r.signatures.map((s) => [s.printed_name, s.signer, s.meaning, <span class="mono">{formatSignatureTime(s.time)}</span>, `${s.record_kind} ${s.record_id}`])}
        />
      </Section>
    </div>
  );
}
