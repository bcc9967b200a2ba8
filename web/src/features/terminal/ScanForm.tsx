// The scan field: a barcode scanner types into it and ends with Enter, which submits the
// consumption (the scan as the scanner meant it, scan.ts, with the quantity and unit
// beside it). It takes the focus when it appears and again after every command, unless
// the operator has already moved to another field (their typing must not land in the scan
// field), and is emptied for the next scan whatever the answer (the last scan stays shown
// below it).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { normaliseScan, showScan } from './scan';

interface Props {
  disabled: boolean;
  /** Shown in the empty unit field: what an empty unit means. */
  unitHint: string;
  consume: (scan: string, quantity: number, unit: string) => Promise<boolean>;
  /** Changes whenever the screen wants the scan field focused again. */
  focusKey: number;
}

export function ScanForm({ disabled, unitHint, consume, focusKey }: Props) {
  const [scan, setScan] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [local, setLocal] = useState('');
  const [last, setLast] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  // A layout effect: it runs with the render, before the operator (or a test) can act on
  // the new screen, never a frame later into a field they have just chosen.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.disabled) return;
    const active = document.activeElement;
    const elsewhere = active instanceof HTMLElement && active !== el && active.matches('input, textarea, select');
    if (!elsewhere) el.focus();
  }, [focusKey, disabled]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const text = normaliseScan(scan);
    const q = Number(quantity.replace(',', '.'));
    if (!text) return setLocal('Scan or type a lot first.');
    if (!quantity.trim() || !Number.isFinite(q) || q <= 0) {
      setLocal('Enter the quantity taken (more than 0) before scanning.');
      return;
    }
    setLocal('');
    // The field is emptied for the next scan whatever the answer: a scanner never edits.
    setScan('');
    setLast(text);
    await consume(text, q, unit.trim());
    ref.current?.focus();
  };

  return (
    <form class="term-scan" onSubmit={submit} data-testid="term-scan-form">
      <label>
        Scan lot
        <input
          ref={ref}
          data-testid="term-scan"
          value={scan}
          disabled={disabled}
          autoComplete="off"
          onInput={(e) => setScan((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Quantity
        <input
          data-testid="term-scan-quantity"
          inputMode="decimal"
          value={quantity}
          disabled={disabled}
          onInput={(e) => setQuantity((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Unit
        <input
          data-testid="term-scan-unit"
          value={unit}
          placeholder={unitHint}
          disabled={disabled}
          onInput={(e) => setUnit((e.target as HTMLInputElement).value)}
        />
      </label>
      <button class="btn btn-primary" type="submit" disabled={disabled} data-testid="term-consume">
        Consume
      </button>
      {last && (
        <p class="muted" data-testid="term-last-scan">
          Last scan: <code>{showScan(last)}</code>
        </p>
      )}
      {local && (
        <p class="msg msg-error" role="alert" data-testid="term-scan-error">
          {local}
        </p>
      )}
    </form>
  );
}
