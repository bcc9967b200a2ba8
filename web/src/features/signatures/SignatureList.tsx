// Signature manifestations (Part 11 §11.50): printed name, date and time with the UTC
// offset, meaning, and the binding check. A broken signature is a loud warning; a
// signature of an earlier revision is shown neutrally.
import { formatSignatureTime } from '../../shared/time';
import type { Signature } from './types';
import { meaningLabel } from './labels';

interface Props {
  signatures: Signature[];
  /** Shown when there are none; null hides the list entirely. */
  empty?: string | null;
}

function StatusNote({ sig }: { sig: Signature }) {
  if (sig.status === 'broken') {
    return (
      <div class="sig-broken" role="alert" data-testid="signature-broken">
        ⚠ Signature broken: the signed record no longer matches what was signed (hash{' '}
        <span class="mono">{sig.content_hash.slice(0, 12)}…</span>). Report this to quality assurance.
      </div>
    );
  }
  if (sig.status === 'earlier_revision') {
    return (
      <div class="sig-note muted" data-testid="signature-earlier">
        Signed revision {sig.record_version}; the record has moved on to a later revision.
      </div>
    );
  }
  return null;
}

export function SignatureList({ signatures, empty = 'No signatures.' }: Props) {
  if (signatures.length === 0) {
    return empty === null ? null : <div class="muted" data-testid="signatures-empty">{empty}</div>;
  }
  return (
    <ul class="sig-list" data-testid="signature-list">
      {signatures.map((s) => (
        <li
          key={s.signature_id}
          class={`sig sig-${s.status}`}
          data-testid="signature"
          data-meaning={s.meaning}
          data-status={s.status}
        >
          <div class="sig-main">
            <span class="sig-name" data-testid="signature-name">
              {s.printed_name}
            </span>
            <span class="sig-meaning" data-testid="signature-meaning">
              {meaningLabel(s.meaning)}
            </span>
            <time class="sig-time mono" dateTime={s.time} title={s.time} data-testid="signature-time">
              {formatSignatureTime(s.time)}
            </time>
            {s.status === 'valid' && <span class="sig-valid" title="The signature matches the signed record">✔ valid</span>}
          </div>
          <div class="sig-meta muted">
            signed by <span class="mono">{s.signer}</span> · {s.record_kind} {s.record_id} revision {s.record_version} ·
            signature #{s.signature_id}
          </div>
          {s.comment && <div class="sig-comment">“{s.comment}”</div>}
          <StatusNote sig={s} />
        </li>
      ))}
    </ul>
  );
}
