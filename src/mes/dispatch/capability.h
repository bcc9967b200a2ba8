// Registration of the dispatch capability (dispatch lists and supervisor re-sequencing).
#pragma once

namespace ordo::dispatch {

// Registers dispatch.operation_moved, the dsp_move table and its projector, the
// permission dispatch.resequence and the /api/v1/work-units endpoints. Start-up only,
// after orders and masterdata (the lists read both).
void Register();

}  // namespace ordo::dispatch
