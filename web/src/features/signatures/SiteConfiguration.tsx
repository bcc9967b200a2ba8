// Site configuration (masterdata.read): the site settings and the signature policy in
// force, each with the change request that put it there. Both change only through a
// change request (a draft of "Site settings" or "Signature policy", object site), so
// this page reads and explains; it does not edit.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { formatLocal } from '../../shared/time';
import { hasPermission } from '../../shared/session';
import type { PageProps } from '../../shared/feature';
import { ErrorBox } from '../../shared/ErrorBox';
import { signaturesApi } from './api';
import type { SignaturePolicy, SiteConfiguration as Configuration } from './types';
import { Markdown } from '../../shared/MarkdownText';

const SETTING_LABELS: [keyof Configuration['settings'], string, (v: number | boolean) => string][] = [
  ['approvals_required', 'Approvals a change request needs', (v) => String(v)],
  ['signing_password_only', 'Password alone after the first signing of a session', (v) => (v ? 'yes' : 'no')],
  ['password_min_length', 'Fewest characters of a new password', (v) => String(v)],
  ['password_expiry_days', 'Password expiry', (v) => (v === 0 ? 'never' : `${v} days`)],
  ['late_entry_minutes', 'Late entry after', (v) => `${v} minutes`],
];

function ChangeRequestLink({ id }: { id: string }) {
  return (
    <a href={`#/change-requests/${id}`} class="mono" data-testid="config-cr-link">
      {id}
    </a>
  );
}

export function SiteConfiguration({ user }: PageProps) {
  const [config, setConfig] = useState<Configuration | null>(null);
  const [policy, setPolicy] = useState<SignaturePolicy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([signaturesApi.siteConfiguration(), signaturesApi.signaturePolicy()])
      .then(([c, p]) => {
        setConfig(c);
        setPolicy(p);
      })
      .catch((err) => setError(errorMessage(err)));
  }, []);

  const canDraft = hasPermission(user, 'site.configure') && hasPermission(user, 'masterdata.edit');
  return (
    <section class="page" data-testid="site-configuration">
      <h1>Site configuration</h1>
      <ErrorBox message={error} testId="config-error" />
      <p class="muted" data-testid="config-how">
        Settings and the signature policy change only through a change request: a draft of
        "Site settings" or "Signature policy" (object <span class="mono">site</span>), signed by its author and
        approved by a second person, in force from the time the change request names.
        {canDraft ? (
          <>
            {' '}
            <a href="#/change-requests" data-testid="config-propose">
              Propose a change
            </a>
          </>
        ) : (
          ' Drafting needs the site.configure permission (engineer role).'
        )}
      </p>
      {config && (
        <div class="panel" data-testid="config-settings">
          <h2 class="panel-title">Site settings</h2>
          <table class="table">
            <tbody>
              {SETTING_LABELS.map(([key, label, show]) => (
                <tr key={key} data-testid={`setting-${key}`}>
                  <th scope="row">{label}</th>
                  <td>{show(config.settings[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted" data-testid="config-settings-source">
            {config.source ? (
              <>
                Version {config.source.version}, approved in <ChangeRequestLink id={config.source.change_request} />
                {config.source.effective_from && <>, in force since {formatLocal(config.source.effective_from)}</>}.
              </>
            ) : (
              'The defaults: no change request has changed them yet.'
            )}
          </p>
        </div>
      )}
      {policy && (
        <div class="panel" data-testid="config-policy">
          <h2 class="panel-title">Signature policy, version {policy.version}</h2>
          <p class="muted" data-testid="config-policy-source">
            {policy.change_request ? (
              <>
                Approved in <ChangeRequestLink id={policy.change_request} />.
              </>
            ) : (
              'Published when the site was set up (ordo init).'
            )}{' '}
            {policy.acknowledged ? 'You have acknowledged it.' : 'You have not acknowledged it yet.'}
          </p>
          <Markdown text={policy.text} class="policy-text" />
        </div>
      )}
    </section>
  );
}
