// Which sections of the draft form are open. A section is a list (operations, an
// operation's parameters) or a rich list item (an operation), named by its path.
// By default the lists of the object itself are open and everything deeper is
// closed, so a routing shows its operations one line each; "Expand all" opens every
// section; opening a field's section opens every section around it.
import { createContext } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { pathAncestors } from './fieldPaths';

export interface Sections {
  isOpen: (path: string) => boolean;
  setOpen: (path: string, open: boolean) => void;
  /** Opens every section enclosing `path`. */
  reveal: (path: string) => void;
  /** Moves the state of a section and everything under it (an item's key changed). */
  rename: (from: string, to: string) => void;
  expandAll: () => void;
  collapseAll: () => void;
}

/** Open by default: a list of the object itself ("operations", "codes"). */
export function openByDefault(path: string): boolean {
  return !path.includes('[') && !path.includes('.');
}

interface State {
  all: boolean;
  overrides: Record<string, boolean>;
}

/** The section state of one form; `initiallyRevealed` opens the sections around a field. */
export function useSections(initiallyRevealed?: string): Sections {
  const [state, setState] = useState<State>(() => ({
    all: false,
    overrides: Object.fromEntries(pathAncestors(initiallyRevealed ?? '').map((p) => [p, true])),
  }));
  return useMemo<Sections>(
    () => ({
      isOpen: (path) => state.overrides[path] ?? (state.all || openByDefault(path)),
      setOpen: (path, open) => setState((s) => ({ ...s, overrides: { ...s.overrides, [path]: open } })),
      reveal: (path) =>
        setState((s) => {
          const overrides = { ...s.overrides };
          for (const p of [...pathAncestors(path), path]) overrides[p] = true;
          return { ...s, overrides };
        }),
      rename: (from, to) =>
        setState((s) => {
          if (from === to) return s;
          const overrides: Record<string, boolean> = {};
          for (const [p, open] of Object.entries(s.overrides)) {
            const moved = p === from || p.startsWith(from + '.') || p.startsWith(from + '[') ? to + p.slice(from.length) : p;
            overrides[moved] = open;
          }
          return { ...s, overrides };
        }),
      expandAll: () => setState({ all: true, overrides: {} }),
      collapseAll: () => setState({ all: false, overrides: {} }),
    }),
    [state],
  );
}

/** Outside a draft form (no provider) every section is open. */
const ALL_OPEN: Sections = {
  isOpen: () => true,
  setOpen: () => undefined,
  reveal: () => undefined,
  rename: () => undefined,
  expandAll: () => undefined,
  collapseAll: () => undefined,
};

export const SectionContext = createContext<Sections>(ALL_OPEN);

export const useSectionState = () => useContext(SectionContext);
