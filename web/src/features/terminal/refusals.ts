// The refusals of execution in the operator's words: a short heading per stable code and
// what to do next. The server's message (which names the materials, dates and limits)
// is shown under the heading; an unknown code falls back to "Not possible now".

export interface RefusalText {
  heading: string;
  next: string;
}

const TEXTS: Record<string, RefusalText> = {
  sequence_violation: { heading: 'Earlier step not finished', next: 'Finish the previous operation first.' },
  verification_required: { heading: 'Waiting for second-person verification', next: 'Ask a qualified colleague to verify the previous operation.' },
  same_person: { heading: 'You cannot verify your own work', next: 'Another qualified person must verify.' },
  not_qualified: { heading: 'You are not qualified for this operation', next: 'Ask your supervisor; the training record must show the qualification.' },
  qualification_expired: { heading: 'Your qualification has expired', next: 'Ask your supervisor to renew it before you continue.' },
  equipment_down: { heading: 'Machine down', next: 'Start once the machine runs again, or ask a supervisor to override the block.' },
  equipment_not_ready: { heading: 'Equipment not ready', next: 'Check the equipment status with your supervisor or maintenance.' },
  calibration_overdue: { heading: 'Calibration overdue', next: 'Do not use this equipment; call maintenance.' },
  cleaning_overdue: { heading: 'Cleaning overdue', next: 'Clean the equipment and have it released before use.' },
  wrong_equipment_class: { heading: 'Wrong equipment for this operation', next: 'Pick a work unit of the class the routing asks for.' },
  instructions_not_acknowledged: { heading: 'Read the work instructions first', next: 'Open the instructions and confirm you have read them.' },
  wrong_material: { heading: 'Wrong material', next: 'Put the container aside and scan the material the order asks for.' },
  lot_not_released: { heading: 'Lot not released', next: 'Use a lot that quality has released.' },
  lot_expired: { heading: 'Lot expired', next: 'Put the container aside and use a lot within its expiry.' },
  insufficient_quantity: { heading: 'Not enough left in this lot', next: 'Consume what is left, then scan another lot.' },
  parameter_out_of_limits: { heading: 'Value out of limits', next: 'Check the reading; tell your supervisor.' },
  deviation_required: { heading: 'A deviation must be dispositioned first', next: 'Quality must disposition the out-of-limit value before completion.' },
  missing_data: { heading: 'Data missing', next: 'Record every required value before completing.' },
  invalid_quantity: { heading: 'Quantity not accepted', next: 'Enter zero or more, with a reason code for scrap and rework.' },
  late_entry_reason_required: { heading: 'Late entry: a reason is needed', next: 'Say why the value is entered late (e.g. paper record).' },
  invalid_transition: { heading: 'Not possible in this state', next: 'Reload the operation to see its current state.' },
  unknown_unit: { heading: 'Unknown unit', next: 'Use a unit of this material.' },
};

export function refusalText(code: string | undefined): RefusalText {
  return (code && TEXTS[code]) || { heading: 'Not possible now', next: 'Read the message below or ask your supervisor.' };
}

export const KNOWN_REFUSAL_CODES = Object.keys(TEXTS);
