// Completing an operation: good, scrap and rework quantities (the order's unit), with a
// reason code from the scrap (rework) list in force for a quantity above 0.
import { useState } from 'preact/hooks';
import type { ReasonCode, ReasonQuantity } from './types';

export interface Completion {
  good: number;
  scrap: number;
  rework: number;
  scrap_reasons?: ReasonQuantity[];
  rework_reasons?: ReasonQuantity[];
}

interface Props {
  unit: string;
  planned: number;
  scrapCodes: ReasonCode[];
  reworkCodes: ReasonCode[];
  disabled: boolean;
  complete: (c: Completion) => Promise<boolean>;
}

const num = (s: string) => (s.trim() === '' ? 0 : Number(s.replace(',', '.')));

function ReasonSelect({ kind, codes, value, set, disabled }: { kind: string; codes: ReasonCode[]; value: string; set: (v: string) => void; disabled: boolean }) {
  return (
    <label>
      {kind} reason
      <select data-testid={`term-${kind}-reason`} value={value} disabled={disabled} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        <option value="">(choose a reason)</option>
        {codes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code}: {c.description}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CompleteForm({ unit, planned, scrapCodes, reworkCodes, disabled, complete }: Props) {
  const [good, setGood] = useState(String(planned));
  const [scrap, setScrap] = useState('');
  const [rework, setRework] = useState('');
  const [scrapCode, setScrapCode] = useState('');
  const [reworkCode, setReworkCode] = useState('');
  const [local, setLocal] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const c: Completion = { good: num(good), scrap: num(scrap), rework: num(rework) };
    if (![c.good, c.scrap, c.rework].every((v) => Number.isFinite(v) && v >= 0)) {
      return setLocal('Quantities are numbers of 0 or more.');
    }
    if (c.scrap > 0) {
      if (!scrapCode) return setLocal('Choose a scrap reason.');
      c.scrap_reasons = [{ code: scrapCode, quantity: c.scrap }];
    }
    if (c.rework > 0) {
      if (!reworkCode) return setLocal('Choose a rework reason.');
      c.rework_reasons = [{ code: reworkCode, quantity: c.rework }];
    }
    setLocal('');
    await complete(c);
  };
  const field = (label: string, testId: string, value: string, set: (v: string) => void) => (
    <label>
      {label} ({unit})
      <input data-testid={testId} inputMode="decimal" value={value} disabled={disabled} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </label>
  );
  return (
    <form class="term-complete" onSubmit={submit} data-testid="term-complete-form">
      {field('Good', 'term-good', good, setGood)}
      {field('Scrap', 'term-scrap', scrap, setScrap)}
      {num(scrap) > 0 && <ReasonSelect kind="scrap" codes={scrapCodes} value={scrapCode} set={setScrapCode} disabled={disabled} />}
      {field('Rework', 'term-rework', rework, setRework)}
      {num(rework) > 0 && <ReasonSelect kind="rework" codes={reworkCodes} value={reworkCode} set={setReworkCode} disabled={disabled} />}
      <button class="btn btn-primary" type="submit" disabled={disabled} data-testid="term-complete">
        Complete operation
      </button>
      {local && (
        <p class="msg msg-error" role="alert" data-testid="term-complete-error">
          {local}
        </p>
      )}
    </form>
  );
}
