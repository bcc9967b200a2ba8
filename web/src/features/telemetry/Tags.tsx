// The process values ("#/tags", docs/telemetry.md): every tag by work unit with its unit
// and limits, each opening its trend; "#/tags/unit/<work unit>" lists one unit's (the
// equipment board links there), "#/tags/<tag>" is a tag's trend.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage, seg } from '../../shared/http';
import { telemetryApi } from './api';
import { formatValue } from './trend';
import { Trend } from './Trend';
import type { Tag } from './types';
import './telemetry.css';

function TagList({ workUnit }: { workUnit: string }) {
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    telemetryApi
      .tags(workUnit)
      .then(setTags)
      .catch((e) => setError(errorMessage(e)));
  }, [workUnit]);
  const units = [...new Set((tags ?? []).map((t) => t.work_unit))];
  return (
    <section class="page telemetry" data-testid="page-tags">
      <div class="page-head">
        <h1>Process values{workUnit && ` of ${workUnit}`}</h1>
        <p class="page-sub">
          The tags the machines send, by work unit: open one for its trend.
          {workUnit && (
            <>
              {' '}
              <a href="#/tags">All work units</a>
            </>
          )}
        </p>
      </div>
      <ErrorBox message={error} />
      {!tags && !error && <p class="muted">Loading...</p>}
      {tags && tags.length === 0 && (
        <p class="muted" data-testid="tags-none">
          No tags are defined{workUnit && ` for ${workUnit}`}.
        </p>
      )}
      {units.map((wu) => (
        <section key={wu} aria-labelledby={`tags-${wu}`} data-testid={`tags-unit-${wu}`}>
          <h2 id={`tags-${wu}`}>{wu}</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Description</th>
                <th scope="col">Unit</th>
                <th scope="col">Low limit</th>
                <th scope="col">High limit</th>
              </tr>
            </thead>
            <tbody>
              {(tags ?? [])
                .filter((t) => t.work_unit === wu)
                .map((t) => (
                  <tr key={t.name}>
                    <td>
                      <a href={`#/tags/${seg(t.name)}`} data-testid={`tag-link-${t.name}`}>
                        {t.name}
                      </a>
                    </td>
                    <td>{t.description}</td>
                    <td>{t.unit}</td>
                    <td>{formatValue(t.low)}</td>
                    <td>{formatValue(t.high)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

export function Tags({ params }: PageProps) {
  if (params[0] === 'unit' && params.length > 1) return <TagList workUnit={params[1]} />;
  // Keyed by the tag: another tag starts afresh (nothing of the previous one is kept).
  if (params[0]) return <Trend key={params[0]} tag={params[0]} />;
  return <TagList workUnit="" />;
}
