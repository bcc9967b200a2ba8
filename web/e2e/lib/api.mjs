// E2E helper: calls ordo's API directly (set-up and checks beside what the browser does).
import assert from 'node:assert/strict';

/** `method` `route` (under /api/v1) with an optional bearer token and JSON body; returns { status, body }. */
export async function call(baseUrl, token, method, route, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(baseUrl + '/api/v1' + route, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { raw: text };
  }
  return { status: res.status, body: json };
}

/** Signs `user` in through the API; returns the token. */
export async function apiSignIn(baseUrl, user, password) {
  const r = await call(baseUrl, null, 'POST', '/session', { user, password });
  assert.equal(r.status, 200, `API sign-in of ${user}: ${JSON.stringify(r.body)}`);
  return r.body.token;
}
