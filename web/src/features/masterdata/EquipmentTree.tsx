// The equipment hierarchy (enterprise > site > area > work center > work unit) as a
// tree built from each object's `parent`. The object rows carry no content, so the
// parent and level come from each object's effective (else latest) version.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { ErrorBox } from '../../shared/ErrorBox';
import { StatusBadge } from '../../shared/StatusBadge';
import { masterdataApi } from './api';
import type { ObjectRow } from './types';
import { fieldLabel } from './kinds';

interface Props {
  rows: ObjectRow[];
}

interface Node {
  row: ObjectRow;
  level: string;
  parent: string;
  children: Node[];
}

async function loadNodes(rows: ObjectRow[]): Promise<Node[]> {
  return Promise.all(
    rows.map(async (row) => {
      const inline = row as ObjectRow & { parent?: string; level?: string };
      if (inline.level !== undefined) {
        return { row, level: inline.level, parent: inline.parent ?? '', children: [] };
      }
      const v = row.effective_version ?? row.latest_version;
      const res = await masterdataApi.version(row.kind, row.id, v);
      const c = res.version.content;
      return {
        row,
        level: typeof c.level === 'string' ? c.level : '',
        parent: typeof c.parent === 'string' ? c.parent : '',
        children: [],
      };
    }),
  );
}

function buildTree(nodes: Node[]): Node[] {
  const byId = new Map(nodes.map((n) => [n.row.id, n]));
  const roots: Node[] = [];
  for (const n of nodes) {
    const p = n.parent ? byId.get(n.parent) : undefined;
    if (p && p !== n) p.children.push(n);
    else roots.push(n); // enterprises, and orphans whose parent is not listed
  }
  const sort = (list: Node[]) => {
    list.sort((a, b) => a.row.id.localeCompare(b.row.id));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function TreeNode({ node }: { node: Node }) {
  return (
    <li data-testid="equipment-node" data-id={node.row.id}>
      <div class="tree-item">
        <span class={`tag tag-level`}>{fieldLabel(node.level || 'unknown')}</span>
        <a href={hashLink('masterdata', node.row.kind, node.row.id)} class="mono">
          {node.row.id}
        </a>
        <span>{node.row.name}</span>
        {node.row.status !== 'effective' && <StatusBadge status={node.row.status} />}
      </div>
      {node.children.length > 0 && (
        <ul class="tree">
          {node.children.map((c) => (
            <TreeNode key={c.row.id} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function EquipmentTree({ rows }: Props) {
  const [roots, setRoots] = useState<Node[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    loadNodes(rows)
      .then((nodes) => live && setRoots(buildTree(nodes)))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [rows]);

  if (error) return <ErrorBox message={error} />;
  if (!roots) return <div class="muted">Loading hierarchy…</div>;
  if (roots.length === 0) return <div class="empty">No equipment.</div>;
  return (
    <ul class="tree tree-root" data-testid="equipment-tree">
      {roots.map((n) => (
        <TreeNode key={n.row.id} node={n} />
      ))}
    </ul>
  );
}
