// Tabs, one per master data kind (from the kinds table).
import { hashLink } from '../../shared/session';
import type { KindDef } from './types';

interface Props {
  kinds: KindDef[];
  active: string;
}

export function KindTabs({ kinds, active }: Props) {
  return (
    <div class="tabs" role="tablist" data-testid="kind-tabs">
      {kinds.map((k) => (
        <a
          key={k.kind}
          role="tab"
          href={hashLink('masterdata', k.kind)}
          class={k.kind === active ? 'tab active' : 'tab'}
          aria-selected={k.kind === active}
          title={k.description}
          data-testid={`kind-tab-${k.kind}`}
        >
          {k.label}
        </a>
      ))}
    </div>
  );
}
