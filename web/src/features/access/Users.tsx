// User administration page (needs user.manage): list accounts, add a user, grant or
// revoke a role with a reason, reset a password to a one-time password, disable a user
// with a reason.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { ErrorBox } from '../../shared/ErrorBox';
import { accessApi } from './api';
import type { User } from './types';
import { AddUserForm } from './AddUserForm';
import { UserRow } from './UserRow';

interface Props {
  user: SessionUser;
}

export function Users({ user }: Props) {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      setUsers((await accessApi.users()).users);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const replace = (u: User) => setUsers((prev) => prev.map((x) => (x.id === u.id ? u : x)));

  return (
    <section class="page" data-testid="page-users">
      <div class="page-head">
        <h1>Users</h1>
        <p class="page-sub">Accounts and roles. Accounts are disabled, never deleted, so records stay attributable.</p>
      </div>

      <AddUserForm
        onCreated={(u) => {
          setNotice(`User ${u.name} created.`);
          setUsers((prev) => [...prev, u]);
        }}
      />

      <div class="panel">
        <ErrorBox message={notice} kind="success" />
        <ErrorBox message={error} testId="users-error" />
        <div class="table-wrap">
          <table class="table" data-testid="users-table">
            <thead>
              <tr>
                <th class="num">ID</th>
                <th>User name</th>
                <th>Display name</th>
                <th>Roles</th>
                <th>Status</th>
                <th><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} isSelf={u.id === user.id} onChanged={replace} />
              ))}
              {!loading && users.length === 0 && !error && (
                <tr>
                  <td colSpan={6} class="empty">
                    No users.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
