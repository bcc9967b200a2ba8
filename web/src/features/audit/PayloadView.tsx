// An audit-trail entry's payload in words: field-by-field changes ({path, old, new} of
// master data drafts and site settings) as the labelled diff of the master data
// capability, "old" and "new" members (renames, role and account changes) as
// old -> new rows, every other member as a labelled value; the stored JSON stays one
// click away ("Payload as recorded").
import { Fragment } from 'preact';
import { formatMicros } from '../../shared/time';
import { DiffTable, humanize } from '../masterdata';
import type { KindDef } from '../masterdata/types';
import type { LedgerEntry } from './types';

type Obj = Record<string, unknown>;

interface Props {
  entry: LedgerEntry;
  kinds: KindDef[];
}

/** The master data kind whose fields name the paths of this entry's changes. */
function kindOf(entry: LedgerEntry, kinds: KindDef[]): KindDef | undefined {
  const k = entry.subject?.kind;
  if (!k) return undefined;
  return kinds.find((d) => d.kind === (k === 'site' ? 'site_settings' : k));
}

function text(key: string, v: unknown): string {
  if (v === undefined || v === null) return '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number' && /_us$/.test(key)) return formatMicros(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.length ? v.join(', ') : '(none)';
  // Lists of flat records (e.g. the versions an approval put in force): one per line.
  if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && Object.values(x).every((y) => typeof y !== 'object')))
    return v.map((x) => Object.values(x as Obj).join(' ')).join('\n');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function isChangeList(v: unknown): v is { path: string; old: unknown; new: unknown }[] {
  return Array.isArray(v) && v.every((c) => c && typeof c === 'object' && typeof (c as Obj).path === 'string');
}

/** "old" and "new" members as rows: one per member when they are objects, else one. */
function OldNew({ old, now }: { old: unknown; now: unknown }) {
  const objects = old && now && typeof old === 'object' && typeof now === 'object' && !Array.isArray(old) && !Array.isArray(now);
  const keys = objects ? [...new Set([...Object.keys(old as Obj), ...Object.keys(now as Obj)])] : [''];
  return (
    <table class="table table-compact" data-testid="payload-changes">
      <thead>
        <tr>
          <th>Field</th>
          <th>Old</th>
          <th>New</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k} data-testid="payload-change" data-field={k}>
            <td>{k ? humanize(k) : 'Value'}</td>
            <td class="diff-old">{text(k, k ? (old as Obj)[k] : old)}</td>
            <td class="diff-new">{text(k, k ? (now as Obj)[k] : now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PayloadView({ entry, kinds }: Props) {
  const p = entry.payload && typeof entry.payload === 'object' && !Array.isArray(entry.payload) ? (entry.payload as Obj) : null;
  if (!p) return <pre class="json" data-testid="ledger-payload">{JSON.stringify(entry.payload, null, 2)}</pre>;
  const kind = kindOf(entry, kinds);
  const changes = isChangeList(p.changes) ? p.changes : null;
  const hasOldNew = 'old' in p && 'new' in p;
  const rest = Object.keys(p).filter((k) => !(changes && (k === 'changes' || k === 'content')) && !(hasOldNew && (k === 'old' || k === 'new')));
  const content = p.content && typeof p.content === 'object' ? (p.content as Obj) : null;
  return (
    <div class="payload" data-testid="ledger-payload">
      {rest.length > 0 && (
        <dl class="detail-grid payload-fields">
          {rest.map((k) => (
            <Fragment key={k}>
              <dt title={k}>{humanize(k)}</dt>
              <dd class={text(k, p[k]).includes('\n') ? 'pre-wrap' : undefined}>
                {text(k, p[k])}
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {hasOldNew && <OldNew old={p.old} now={p.new} />}
      {changes && <DiffTable changes={changes} kind={kind} content={content} testId="payload-diff" />}
      <details class="payload-raw">
        <summary>Payload as recorded</summary>
        <pre class="json" data-testid="ledger-payload-raw">
          {JSON.stringify(entry.payload, null, 2)}
        </pre>
      </details>
    </div>
  );
}
