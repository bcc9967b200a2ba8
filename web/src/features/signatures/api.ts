// Signature calls: the signature policy and its acknowledgement, the site settings
// that govern signing, security events (failed sign-ins and signings).
import { request, unwrap } from '../../shared/http';
import type { SecurityEvent, SecurityEventsPage, SignaturePolicy, SiteConfiguration, SiteSettings } from './types';

export const signaturesApi = {
  /** The current policy, or null when none has been published. */
  async signaturePolicy(): Promise<SignaturePolicy | null> {
    return unwrap<SignaturePolicy | null>(await request<unknown>('/signature-policy'), 'policy');
  },

  acknowledgePolicy: (version: number, password: string) =>
    request<unknown>('/signature-policy/acknowledge', { method: 'POST', body: { version, password } }),

  async siteSettings(): Promise<SiteSettings> {
    return unwrap<SiteSettings>(await request<unknown>('/site/settings'), 'settings');
  },

  /** The settings in force with the site_settings version (and change request) behind them. */
  siteConfiguration: () => request<SiteConfiguration>('/site/settings'),

  async securityEvents(q: { before?: number; limit?: number }): Promise<SecurityEventsPage> {
    const res = await request<{ events?: SecurityEvent[]; entries?: SecurityEvent[]; next?: number }>(
      '/security/events',
      { query: q },
    );
    const events = res.events ?? res.entries ?? [];
    // Without a `next` from the server, a full page means there may be older events.
    const last = events[events.length - 1];
    const next = typeof res.next === 'number' ? res.next : q.limit && last && events.length >= q.limit ? last.seq : 0;
    return { events, next };
  },
};
