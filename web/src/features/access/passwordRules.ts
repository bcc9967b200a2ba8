// The password rules the server applies to a new password (NIST SP 800-63B-4, see
// docs/api.md "POST /api/v1/session/password"), named for the user: a refusal is shown
// as "<rule>: <the server's explanation>", so the rule is named even where the
// server's text does not say it.
import { ApiError, errorMessage } from '../../shared/http';

/** The rule each refusal reason (the problem's `reason`) stands for. */
const RULES: Record<string, string> = {
  password_too_short: 'Minimum length',
  password_too_long: 'Maximum length (256 characters)',
  password_blocklisted: 'Blocklist of common or compromised passwords',
  password_unchanged: 'New password must differ from the current one',
  password_control_character: 'Printable characters only',
  password_not_utf8: 'Printable characters only',
};

/** The rule a server refusal names, or null when it is no password rule. */
export function ruleOf(err: unknown): string | null {
  return err instanceof ApiError && err.reason ? (RULES[err.reason] ?? null) : null;
}

/** The message to show for a failed password change or reset, the rule named first. */
export function passwordErrorMessage(err: unknown): string {
  const rule = ruleOf(err);
  return rule ? `${rule}: ${errorMessage(err)}` : errorMessage(err);
}

/** What the page says before anything is sent (the server decides; this only guides). */
export const RULES_HINT =
  'At least the site\'s minimum (15 unless the site settings say otherwise), at most 256 characters; any printable characters and spaces; ' +
  'no common or compromised passwords. A phrase of several words is easy to remember.';

/** A random one-time password of 20 letters and digits (an admin reset hands it over). */
export function randomOneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const out: string[] = [];
  const bytes = new Uint8Array(64);
  while (out.length < 20) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      // Rejection sampling: no bias towards the first letters.
      if (b < 256 - (256 % alphabet.length) && out.length < 20) out.push(alphabet[b % alphabet.length]);
    }
  }
  return out.join('');
}
