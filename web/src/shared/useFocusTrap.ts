// Keeps the keyboard inside a dialog while it is open (WAI-ARIA modal dialog pattern):
// focus moves into it, Tab and Shift+Tab cycle through its controls, focus that leaves
// it is brought back and a press outside does not take it, Escape calls `onEscape`,
// and when it closes focus returns to where it was before.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0,
  );
}

/** The element to focus first: one marked data-autofocus, else the first control. */
function initial(root: HTMLElement): HTMLElement {
  return root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root;
}

/**
 * Traps focus in `ref` (give the element tabIndex={-1}). `step` names what the dialog
 * shows: when it changes (e.g. from the policy to the signature), focus moves to the
 * new step's first field.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onEscape: () => void, step: string = ''): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        escape.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(root);
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (!first || !last) {
        e.preventDefault();
        root.focus();
      } else if (e.shiftKey && (active === first || !root.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !root.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !root.contains(e.target)) initial(root).focus();
    };
    // A press outside (on the backdrop) would move focus to the page body: keep it.
    const onPointer = (e: MouseEvent) => {
      if (e.target instanceof Node && !root.contains(e.target)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('mousedown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('mousedown', onPointer, true);
      if (before && document.contains(before)) before.focus();
    };
  }, []);

  useEffect(() => {
    const root = ref.current;
    if (root) initial(root).focus();
  }, [step]);
}
