// Personnel qualifications page (needs personnel.manage): choose a person, see their
// qualification grants with their status today, grant one, revoke one with a reason,
// and record and list their trainings. "#/personnel/<user id>" opens a person.
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../shared/feature';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { personnelApi } from './api';
import { GrantForm } from './GrantForm';
import { GrantRow } from './GrantRow';
import { TrainingForm } from './TrainingForm';
import type { Grant, Person, Qualification, TrainingRecord } from './types';

export function Qualifications({ user, params }: PageProps) {
  const [people, setPeople] = useState<Person[]>([]);
  const [qualifications, setQualifications] = useState<Qualification[]>([]);
  const [grants, setGrants] = useState<Grant[]>([]);
  const [training, setTraining] = useState<TrainingRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const selectedId = Number(params[0]) || 0;
  const person = people.find((p) => p.id === selectedId) ?? null;

  useEffect(() => {
    Promise.all([personnelApi.people(), personnelApi.qualifications()])
      .then(([p, q]) => {
        setPeople(p.people);
        setQualifications(q);
      })
      .catch((err) => setError(errorMessage(err)));
  }, []);

  const load = async (id: number) => {
    setError(null);
    try {
      const [g, t] = await Promise.all([personnelApi.grants(id), personnelApi.training(id)]);
      setGrants(g.grants);
      setTraining(t.training);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  useEffect(() => {
    setGrants([]);
    setTraining([]);
    if (selectedId > 0) void load(selectedId);
  }, [selectedId]);

  const names = new Map(qualifications.map((q) => [q.id, q.name]));
  const choose = (id: string) => {
    window.location.hash = id ? `#/personnel/${id}` : '#/personnel';
  };

  return (
    <section class="page" data-testid="page-personnel">
      <div class="page-head">
        <h1>Qualifications</h1>
        <p class="page-sub">
          Qualification grants and trainings of a person. Grants are revoked with a reason, never deleted; nobody grants or
          records their own.
        </p>
      </div>

      <div class="panel">
        <ErrorBox message={error} testId="personnel-error" />
        <label class="field">
          <span>Person</span>
          <select value={selectedId ? String(selectedId) : ''} onChange={(e) => choose(e.currentTarget.value)} data-testid="person-select">
            <option value="">Choose a person…</option>
            {people.map((p) => (
              <option key={p.id} value={String(p.id)} data-name={p.name}>
                {p.display_name} ({p.name}){p.disabled ? ', disabled' : ''}
                {p.id === user.id ? ', you' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>

      {person && (
        <>
          <GrantForm person={person} qualifications={qualifications} onGranted={() => void load(person.id)} />
          <div class="panel">
            <h2 class="panel-title">Qualification grants</h2>
            <div class="table-wrap">
              <table class="table" data-testid="grants-table">
                <thead>
                  <tr>
                    <th class="num">Entry</th>
                    <th>Qualification</th>
                    <th>Valid until</th>
                    <th>Status</th>
                    <th>Granted</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {grants.map((g) => (
                    <GrantRow key={g.seq} grant={g} qualificationName={names.get(g.qualification)} onRevoked={() => void load(person.id)} />
                  ))}
                  {grants.length === 0 && (
                    <tr>
                      <td colSpan={6} class="empty">
                        No qualifications granted.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
          <TrainingForm person={person} onRecorded={() => void load(person.id)} />
          <div class="panel">
            <h2 class="panel-title">Trainings</h2>
            <div class="table-wrap">
              <table class="table" data-testid="training-table">
                <thead>
                  <tr>
                    <th class="num">Entry</th>
                    <th>Course or document</th>
                    <th>Completed</th>
                    <th>Trainer</th>
                    <th>Recorded by</th>
                  </tr>
                </thead>
                <tbody>
                  {training.map((t) => (
                    <tr key={t.seq} data-testid="training-row">
                      <td class="num">{t.seq}</td>
                      <td>{t.course}</td>
                      <td class="nowrap">{t.completed}</td>
                      <td>{t.trainer ?? ''}</td>
                      <td>{t.recorded_by}</td>
                    </tr>
                  ))}
                  {training.length === 0 && (
                    <tr>
                      <td colSpan={5} class="empty">
                        No trainings recorded.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
