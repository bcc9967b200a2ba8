// Field-by-field differences between two versions of an object, in words: each path
// labelled from the kinds table ("Operation 20 Drive sub-assembly > Parameter Spring
// preload force > High", the raw path as tooltip and data-path), values with their
// unit and choice labels, added and removed list items as readable content, and a new
// object (v0 -> v1) as its whole content. <ItemDiff> does this for a change request
// item (loading the draft's content for item names and units); <PathLabel> labels one
// path (validation messages).
import { useEffect, useState } from 'preact/hooks';
import type { Change, ChangeRequestItem, Content, KindDef, KindField } from './types';
import { masterdataApi } from './api';
import { ContentView, FieldValue } from './ContentView';
import { labelPath, resolvePath, unitOf, valueText, type ResolvedPath } from './labels';

interface Props {
  changes: Change[];
  /** The object's kind: labels paths. Without it the raw paths are shown. */
  kind?: KindDef;
  /** The new version's content (names list items, gives units). */
  content?: Content | null;
  /** The old version's content (names removed items). */
  oldContent?: Content | null;
  testId?: string;
}

type Status = 'added' | 'removed' | 'changed' | 'reordered';

function statusOf(c: Change, r: ResolvedPath): Status {
  if (r.isItem && c.old == null) return 'added';
  if (r.isItem && c.new == null) return 'removed';
  if (r.field?.type === 'object_list' && Array.isArray(c.old) && Array.isArray(c.new) && c.old.every((x) => typeof x === 'string'))
    return 'reordered';
  return 'changed';
}

const STATUS_TEXT: Record<Status, string> = { added: 'added', removed: 'removed', changed: 'changed', reordered: 'order changed' };

/** A new object: every change is a top-level field that had no value. */
function isNewObject(changes: Change[]): boolean {
  return changes.length > 0 && changes.every((c) => c.old == null && /^[A-Za-z0-9_]+$/.test(c.path));
}

function Value({ v, r, status, testId }: { v: unknown; r: ResolvedPath; status: Status; testId: string }) {
  const f = r.field;
  if (v === undefined || v === null) return <span class="muted" data-testid={testId}>(none)</span>;
  if (status === 'reordered' && Array.isArray(v)) return <span data-testid={testId}>{v.join(', ')}</span>;
  if (f && r.isItem && typeof v === 'object') {
    return (
      <div data-testid={testId}>
        <ContentView fields={f.fields ?? []} content={v as Content} />
      </div>
    );
  }
  if (f && (f.type === 'text' || f.type === 'object' || f.type === 'object_list') && typeof v !== 'number') {
    return (
      <div data-testid={testId}>
        <FieldValue field={f} value={v} showTargets />
      </div>
    );
  }
  const unit = unitOf(r);
  return (
    <>
      <span data-testid={testId}>{valueText(v, f)}</span>
      {unit && typeof v === 'number' && <span class="unit"> {unit}</span>}
    </>
  );
}

export function DiffTable({ changes, kind, content, oldContent, testId = 'diff-table' }: Props) {
  if (changes.length === 0) {
    return <div class="muted" data-testid={`${testId}-empty`}>No differences.</div>;
  }
  if (kind && isNewObject(changes)) {
    const whole = content ?? (Object.fromEntries(changes.map((c) => [c.path, c.new])) as Content);
    return (
      <div class="diff-new-object" data-testid={`${testId}-new-object`}>
        <div class="msg msg-info">New: everything below is added ({changes.length} fields).</div>
        <ContentView fields={kind.fields} content={whole} />
      </div>
    );
  }
  const fields: KindField[] = kind?.fields ?? [];
  const rows = changes.map((c) => {
    const r = kind ? resolvePath(fields, c.path, [content, oldContent]) : { parts: [c.path], isItem: false };
    return { c, r, status: statusOf(c, r) };
  });
  const count = (s: Status) => rows.filter((x) => x.status === s).length;
  return (
    <div class="table-wrap">
      <div class="muted diff-summary" data-testid={`${testId}-summary`}>
        {changes.length} difference{changes.length === 1 ? '' : 's'}: {count('added')} added, {count('removed')} removed,{' '}
        {count('changed') + count('reordered')} changed
      </div>
      <table class="table diff-table" data-testid={testId}>
        <thead>
          <tr>
            <th>Field</th>
            <th>Old</th>
            <th>New</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, r, status }) => (
            <tr key={c.path} data-testid="diff-row" data-path={c.path} data-status={status}>
              <td title={`${r.field?.description ? r.field.description + '\n' : ''}${c.path || '(whole content)'}`}>
                <span class="diff-label" data-testid="diff-label">
                  {c.path === '' ? 'Whole content' : r.parts.join(' > ')}
                </span>{' '}
                {status !== 'changed' && <span class={`tag tag-${status}`}>{STATUS_TEXT[status]}</span>}
                <details class="diff-raw">
                  <summary>path</summary>
                  <code>{c.path || '(whole content)'}</code>
                </details>
              </td>
              <td class="diff-old">
                <Value v={c.old} r={r} status={status} testId="diff-old" />
              </td>
              <td class="diff-new">
                <Value v={c.new} r={r} status={status} testId="diff-new" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One path in words, the raw path as tooltip (e.g. for validation messages). */
export function PathLabel({ kinds, kind, path, content }: { kinds: KindDef[]; kind: string; path: string; content?: Content | null }) {
  return (
    <span title={path} data-path={path}>
      {labelPath(kinds, kind, path, content)}
    </span>
  );
}

interface ItemProps {
  item: ChangeRequestItem;
  kinds: KindDef[];
  testId?: string;
}

/**
 * The diff of a change request item against its base, labelled: for a changed object
 * loads the draft's content and the base version's once (item names and units); a new
 * object's changes already hold its whole content.
 */
export function ItemDiff({ item, kinds, testId = 'cr-item-diff' }: ItemProps) {
  const [content, setContent] = useState<Content | null>(null);
  const [oldContent, setOldContent] = useState<Content | null>(null);
  const kind = kinds.find((k) => k.kind === item.kind);
  useEffect(() => {
    // A new object's changes hold its whole content: nothing to load.
    if (item.base_version == null) return;
    let live = true;
    masterdataApi
      .version(item.kind, item.id, item.version)
      .then((r) => live && setContent(r.version.content))
      .catch(() => live && setContent(null));
    masterdataApi
      .version(item.kind, item.id, item.base_version)
      .then((r) => live && setOldContent(r.version.content))
      .catch(() => live && setOldContent(null));
    return () => {
      live = false;
    };
  }, [item.kind, item.id, item.version, item.content_hash, item.base_version]);
  return <DiffTable changes={item.changes ?? []} kind={kind} content={content} oldContent={oldContent} testId={testId} />;
}

