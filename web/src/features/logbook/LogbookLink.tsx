// A link to the logbook of one subject ("#/logbook/ID"), for equipment pages.
import { hashLink } from '../../shared/session';

interface Props {
  /** The equipment (or area) id. */
  subject: string;
}

export function LogbookLink({ subject }: Props) {
  return (
    <a class="btn btn-ghost" href={hashLink('logbook', subject)} data-testid="logbook-link">
      Logbook of {subject}
    </a>
  );
}
