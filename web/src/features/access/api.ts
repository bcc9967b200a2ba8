// Access calls: sign-in, the current session, sign-out, password change (own) and reset
// (admin), user administration (create, disable, grant and revoke roles).
import { getToken, request, setToken } from '../../shared/http';
import type { NewUser, SessionInfo, SessionResponse, User } from './types';

export const accessApi = {
  async signIn(user: string, password: string): Promise<SessionResponse> {
    const res = await request<SessionResponse>('/session', {
      method: 'POST',
      body: { user, password },
      auth: false,
    });
    setToken(res.token);
    return res;
  },

  session: () => request<SessionInfo>('/session'),

  async signOut(): Promise<void> {
    try {
      if (getToken()) await request<void>('/session', { method: 'DELETE', auth: true });
    } finally {
      setToken(null);
    }
  },

  /**
   * Changes the password of `user` (POST /session/password): `password` is the current
   * or one-time one. Works without a session (a one-time password opens none); with one,
   * that session stays and the user's other sessions end. A wrong current password is a
   * 401 that does not end the session.
   */
  changePassword: (user: string, password: string, newPassword: string) =>
    request<{ user: User; seq: number }>('/session/password', {
      method: 'POST',
      body: { user, password, new_password: newPassword },
      endSessionOn401: false,
    }),

  /** Sets a one-time password the user must change at the next sign-in; their sessions end. */
  resetPassword: (id: number, password: string, reason: string) =>
    request<{ user: User; seq: number }>(`/users/${encodeURIComponent(String(id))}/password`, {
      method: 'POST',
      body: { password, reason },
    }),

  users: () => request<{ users: User[] }>('/users'),

  createUser: (u: NewUser) => request<{ user: User }>('/users', { method: 'POST', body: u }),

  /** Grants one role (not to oneself); the user's sessions end. */
  grantRole: (id: number, role: string, reason: string) =>
    request<{ user: User; seq: number }>(`/users/${encodeURIComponent(String(id))}/roles`, {
      method: 'POST',
      body: { role, reason },
    }),

  /** Revokes one role; the user's sessions end. */
  revokeRole: (id: number, role: string, reason: string) =>
    request<{ user: User; seq: number }>(
      `/users/${encodeURIComponent(String(id))}/roles/${encodeURIComponent(role)}/revoke`,
      { method: 'POST', body: { reason } },
    ),

  disableUser: (id: number, reason: string) =>
    request<{ user: User }>(`/users/${encodeURIComponent(String(id))}/disable`, {
      method: 'POST',
      body: { reason },
    }),
};
