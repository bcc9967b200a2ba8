// The window (day, week, month, custom; in the site's time zone) and the profile of the
// figures shown; the window's bounds are shown in UTC, as the API takes them.
import type { WindowChoice, WindowKind } from './window';
import { windowOf } from './window';
import { formatTime } from './format';

interface Props {
  choice: WindowChoice;
  onChoice: (c: WindowChoice) => void;
  profile: string;
  onProfile: (p: string) => void;
  zone: string; // the site's time zone: days, weeks and months start at its midnight
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

export function Toolbar({ choice, onChoice, profile, onProfile, zone }: Props) {
  const w = windowOf(choice, zone);
  return (
    <form class="mis-toolbar" aria-label="Window and profile" onSubmit={(e) => e.preventDefault()}>
      <label class="field">
        <span>Window</span>
        <select name="window" value={choice.kind}
          onChange={(e) => onChoice({ ...choice, kind: value(e) as WindowKind })}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
          <option value="custom">Custom</option>
        </select>
      </label>
      {choice.kind === 'custom' ? (
        <>
          <label class="field">
            <span>From ({zone})</span>
            <input type="datetime-local" name="from" value={choice.from}
              onChange={(e) => onChoice({ ...choice, from: value(e) })} />
          </label>
          <label class="field">
            <span>To ({zone})</span>
            <input type="datetime-local" name="to" value={choice.to}
              onChange={(e) => onChoice({ ...choice, to: value(e) })} />
          </label>
        </>
      ) : (
        <label class="field">
          <span>Date ({zone})</span>
          <input type="date" name="date" value={choice.date}
            onChange={(e) => value(e) && onChoice({ ...choice, date: value(e) })} />
        </label>
      )}
      <label class="field">
        <span>Profile</span>
        <select name="profile" value={profile} onChange={(e) => onProfile(value(e))}>
          <option value="iso22400">ISO 22400</option>
          <option value="practitioner">Practitioner</option>
        </select>
      </label>
      {w && (
        <p class="muted mis-window" data-testid="window">
          {formatTime(w.from)} – {formatTime(w.to)} UTC
          {zone !== 'UTC' && <span data-testid="time-zone"> · local days of {zone}</span>}
        </p>
      )}
    </form>
  );
}
