// Quality's investigation of an open deviation (deviations.manage): classification,
// description, an investigation note (appended), the root cause from the reason codes of
// category deviation_category in force, and the CAPA reference. Only what changed is
// sent; the server's refusal (e.g. a critical deviation lowered) is shown in place.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { qualityApi } from './api';
import type { Classification, Deviation, DeviationUpdate, RootCause } from './types';

interface Props {
  deviation: Deviation;
  onUpdated: (d: Deviation) => void;
}

export function Investigation({ deviation: d, onUpdated }: Props) {
  const [classification, setClassification] = useState<Classification>(d.classification);
  const [description, setDescription] = useState(d.description);
  const [note, setNote] = useState('');
  const [rootCause, setRootCause] = useState(d.root_cause);
  const [capa, setCapa] = useState(d.capa);
  const [causes, setCauses] = useState<RootCause[]>([]);
  const [causesError, setCausesError] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    qualityApi
      .rootCauses()
      .then(setCauses)
      .catch((e) => setCausesError(`The root causes could not be read: ${errorMessage(e)}`));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const u: DeviationUpdate = {};
    if (classification !== d.classification) u.classification = classification;
    if (description !== d.description) u.description = description;
    if (note.trim()) u.investigation_note = note.trim();
    if (rootCause !== d.root_cause) u.root_cause = rootCause;
    if (capa !== d.capa) u.capa = capa;
    if (Object.keys(u).length === 0) return setError('Change a field or write a note first.');
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const updated = await qualityApi.update(d.id, u);
      setNote('');
      setNotice('Saved.');
      onUpdated(updated);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form-grid quality-form" onSubmit={submit} data-testid="investigation-form">
      <h3>Investigation</h3>
      <ErrorBox message={error} testId="investigation-error" />
      <ErrorBox message={notice} kind="success" testId="investigation-notice" />
      <div class="form-row">
        <label class="field">
          <span>Classification</span>
          <select
            value={classification}
            disabled={d.dispositions.length > 0}
            onChange={(e) => setClassification(e.currentTarget.value as Classification)}
            data-testid="investigation-classification"
          >
            <option value="minor">minor</option>
            <option value="major">major</option>
            <option value="critical">critical</option>
          </select>
        </label>
        <label class="field">
          <span>Root cause</span>
          <select value={rootCause} onChange={(e) => setRootCause(e.currentTarget.value)} data-testid="investigation-root-cause">
            <option value="">(not yet known)</option>
            {causes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}: {c.description}
              </option>
            ))}
            {rootCause && !causes.some((c) => c.code === rootCause) && <option value={rootCause}>{rootCause}</option>}
          </select>
        </label>
        <label class="field">
          <span>CAPA reference</span>
          <input value={capa} onInput={(e) => setCapa(e.currentTarget.value)} data-testid="investigation-capa" />
        </label>
      </div>
      <ErrorBox message={causesError} kind="info" />
      <label class="field">
        <span>Description</span>
        <textarea rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} data-testid="investigation-description" />
      </label>
      <label class="field">
        <span>Investigation note (appended, with your name and the time)</span>
        <textarea rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="investigation-note" />
      </label>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="investigation-save">
          Save investigation
        </button>
      </div>
    </form>
  );
}
