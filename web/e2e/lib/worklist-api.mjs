// API helpers of the worklist and signing dialog browser tests: sign in, a change
// request submitted by the engineer, a new user with their one-time password changed.
import assert from 'node:assert/strict';
import { call } from './api.mjs';

export async function api(server, method, target, body, token) {
  const r = await call(server.baseUrl, token, method, target, body);
  return { status: r.status, json: r.body };
}

export async function tokenFor(server, user, password) {
  const r = await api(server, 'POST', '/session', { user, password });
  assert.equal(r.status, 200, `sign-in of ${user}: ${JSON.stringify(r.json)}`);
  return r.json.token;
}

/** A change request with one changed limit of RT-PCM500-FCT, submitted by the engineer; returns its id. */
export async function submittedChangeRequest(server, title) {
  const engineer = server.users.engineer;
  const token = await tokenFor(server, 'engineer', engineer.password);
  const opened = await api(
    server,
    'POST',
    '/change-requests',
    { title, description: 'tighten a process parameter', reason: 'process capability study' },
    token,
  );
  assert.equal(opened.status, 201, JSON.stringify(opened.json));
  const cr = opened.json.change_request.id;
  const view = await api(server, 'GET', '/masterdata/routing/RT-PCM500-FCT', undefined, token);
  const routing = view.json.versions.find((v) => v.status === 'effective').content;
  for (const op of routing.operations) {
    if (op.id !== '20') continue;
    for (const p of op.parameters) if (p.name === 'impeller_speed') p.high = 175;
  }
  const put = await api(server, 'PUT', `/change-requests/${cr}/items/routing/RT-PCM500-FCT`, { content: routing }, token);
  assert.equal(put.status, 200, JSON.stringify(put.json));
  const submit = await api(server, 'POST', `/change-requests/${cr}/submit`, { signature: { user: 'engineer', password: engineer.password } }, token);
  assert.equal(submit.status, 200, JSON.stringify(submit.json));
  return cr;
}

/** A new user created by the admin, their one-time password changed; returns the password. */
export async function newUser(server, name, roles) {
  const admin = await tokenFor(server, 'admin', server.users.admin.password);
  const oneTime = `One-time-${name}-7q!Kx2`;
  const created = await api(server, 'POST', '/users', { name, display_name: `New ${name}`, roles, password: oneTime }, admin);
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const password = `Own-${name}-pw-9z!Lm4`;
  const changed = await api(server, 'POST', '/session/password', { user: name, password: oneTime, new_password: password });
  assert.equal(changed.status, 200, JSON.stringify(changed.json));
  return password;
}
