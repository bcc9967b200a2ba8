// Parameter and characteristic entry: the limits beside each field, instant in/out
// feedback while typing (limits.ts), and the values recorded so far.
import { useState } from 'preact/hooks';
import { describeLimits, evaluate, parseEntry } from './limits';
import type { CharacteristicSpec, ParameterSpec } from './types';

type Rec = Record<string, unknown>;

function lastOf(records: Rec[], name: string): Rec | undefined {
  const mine = records.filter((r) => r.name === name);
  return mine[mine.length - 1];
}

interface ParamProps {
  spec: ParameterSpec;
  recorded: Rec[];
  disabled: boolean;
  record: (name: string, value: number) => Promise<boolean>;
}

export function ParameterRow({ spec, recorded, disabled, record }: ParamProps) {
  const [raw, setRaw] = useState('');
  const limits = { low: spec.low, high: spec.high, target: spec.target, unit: spec.unit, critical: spec.critical };
  const fb = evaluate(raw, limits);
  const last = lastOf(recorded, spec.name);
  const submit = async (e: Event) => {
    e.preventDefault();
    const v = parseEntry(raw);
    if (typeof v !== 'number') return;
    // Emptied at once (the next value may be typed while this one is sent); back on a refusal.
    setRaw('');
    if (!(await record(spec.name, v))) setRaw(raw);
  };
  const id = `param-${spec.name}`;
  return (
    <form class="term-entry" onSubmit={submit} data-testid="term-parameter" data-name={spec.name}>
      <label for={id}>
        <strong>{spec.name}</strong>
        {spec.critical && <span class="badge badge-critical"> critical</span>}
        <span class="muted"> {describeLimits(limits)}</span>
      </label>
      <input id={id} data-testid="term-parameter-value" inputMode="decimal" value={raw} disabled={disabled} onInput={(e) => setRaw((e.target as HTMLInputElement).value)} />
      <button class="btn" type="submit" disabled={disabled || typeof parseEntry(raw) !== 'number'} data-testid="term-parameter-record">
        Record
      </button>
      <span class={`term-feedback term-${fb.state}`} data-testid="term-parameter-feedback" data-state={fb.state}>
        {fb.text}
      </span>
      {last && (
        <span class="term-recorded" data-testid="term-parameter-recorded" data-in-limits={String(last.in_limits)}>
          Recorded: {String(last.value)} {spec.unit ?? ''} {last.in_limits === false ? '(out of limits)' : ''}
        </span>
      )}
    </form>
  );
}

interface CharProps {
  spec: CharacteristicSpec;
  recorded: Rec[];
  disabled: boolean;
  record: (name: string, values: number[]) => Promise<boolean>;
}

export function CharacteristicRow({ spec, recorded, disabled, record }: CharProps) {
  const size = Math.max(1, spec.sample_size ?? 1);
  const [raws, setRaws] = useState<string[]>(() => Array(size).fill(''));
  const limits = { low: spec.lower_spec, high: spec.upper_spec, unit: spec.unit };
  const parsed = raws.map((r) => parseEntry(r));
  const ready = parsed.every((v) => typeof v === 'number');
  const samples = recorded.filter((r) => r.name === spec.name).length;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    setRaws(Array(size).fill(''));
    if (!(await record(spec.name, parsed as number[]))) setRaws(raws);
  };
  return (
    <form class="term-entry" onSubmit={submit} data-testid="term-characteristic" data-name={spec.name}>
      <span>
        <strong>{spec.name}</strong>
        <span class="muted">
          {' '}
          {describeLimits(limits)}, a sample of {size}
        </span>
      </span>
      {raws.map((raw, i) => {
        const fb = evaluate(raw, limits);
        return (
          <label key={i} class="term-sample">
            Value {i + 1}
            <input
              data-testid="term-characteristic-value"
              inputMode="decimal"
              value={raw}
              disabled={disabled}
              onInput={(e) => setRaws(raws.map((r, j) => (j === i ? (e.target as HTMLInputElement).value : r)))}
            />
            <span class={`term-feedback term-${fb.state}`} data-state={fb.state}>
              {fb.state === 'empty' ? '' : fb.text}
            </span>
          </label>
        );
      })}
      <button class="btn" type="submit" disabled={disabled || !ready} data-testid="term-characteristic-record">
        Record sample
      </button>
      <span class="term-recorded" data-testid="term-characteristic-samples">
        {samples} sample(s) recorded
      </span>
    </form>
  );
}
