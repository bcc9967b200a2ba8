// The telemetry capability's shapes as the API answers them (docs/telemetry.md).

export interface Tag {
  name: string;
  work_unit: string;
  unit: string;
  description: string;
  low: number | null;
  high: number | null;
  raw_days: number;
}

/** A raw value; a minute compacted by retention carries its count, min and max. */
export interface RawValue {
  time: string;
  value: number;
  count?: number;
  min?: number;
  max?: number;
}

export interface StepValue {
  from: string;
  to: string;
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}

export interface Values {
  tag: string;
  unit: string;
  low: number | null;
  high: number | null;
  from: string;
  to: string;
  step: number;
  values: RawValue[];
  steps: StepValue[];
}
