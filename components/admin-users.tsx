'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '@/lib/domain';
import { MIN_PASSWORD_LENGTH } from '@/lib/password-length';
import { RoleSelect } from './admin/role-select';
import ui from '@/components/ui/ui.module.css';

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
}

type Notice = { kind: 'error' | 'success'; text: string } | null;

/** Sends a JSON request to the API and returns the error message it answered with, if any. */
async function send(url: string, method: string, body: unknown): Promise<string | null> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) return null;
  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; issues?: { path: string; message: string }[] };
  } | null;
  const issues = payload?.error?.issues?.map((i) => `${i.path}: ${i.message}`).join(' ');
  return [payload?.error?.message ?? `Request failed (${response.status}).`, issues]
    .filter(Boolean)
    .join(' ');
}

export function AdminUsers({
  users,
  currentUserId,
}: {
  users: AdminUserRow[];
  currentUserId: string;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);

  async function act(work: Promise<string | null>, success: string) {
    const error = await work;
    setNotice(error ? { kind: 'error', text: error } : { kind: 'success', text: success });
    if (!error) router.refresh();
    return !error;
  }

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email'));
    const ok = await act(
      send('/api/users', 'POST', {
        email,
        name: String(form.get('name')),
        role: String(form.get('role')),
        password: String(form.get('password')),
      }),
      `Created ${email}.`,
    );
    if (ok) formElement.reset();
  }

  async function onReset(event: FormEvent<HTMLFormElement>, user: AdminUserRow) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    if (
      await act(
        send(`/api/users/${user.id}`, 'PATCH', { password }),
        `Password of ${user.email} was reset.`,
      )
    ) {
      setResetFor(null);
    }
  }

  return (
    <>
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`${ui.alert} ${ui[notice.kind]}`}
        >
          {notice.text}
        </p>
      )}
      <section className={ui.panel} aria-labelledby="new-user">
        <h2 id="new-user" style={{ marginTop: 0 }}>
          New user
        </h2>
        <form className={ui.formRow} onSubmit={onCreate}>
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Name
            <input name="name" required />
          </label>
          <label>
            Role
            <select name="role" defaultValue="EDITOR">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Password
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              required
            />
          </label>
          <button type="submit">Create user</button>
        </form>
      </section>

      <h2>All users</h2>
      <table aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Password</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.name}
                {user.id === currentUserId && <span className={ui.muted}> (you)</span>}
                {user.disabled && <span className={ui.chip}> disabled</span>}
              </td>
              <td>{user.email}</td>
              <td>
                <RoleSelect
                  email={user.email}
                  role={user.role}
                  onConfirm={(role) =>
                    act(
                      send(`/api/users/${user.id}`, 'PATCH', { role }),
                      `${user.email} is now ${ROLE_LABELS[role]}.`,
                    )
                  }
                />
              </td>
              <td>
                {resetFor === user.id ? (
                  <form className={ui.formRow} onSubmit={(event) => onReset(event, user)}>
                    <input
                      name="password"
                      type="password"
                      aria-label={`New password for ${user.email}`}
                      autoComplete="new-password"
                      minLength={MIN_PASSWORD_LENGTH}
                      required
                    />
                    <button type="submit">Save</button>
                    <button
                      type="button"
                      className={ui.secondary}
                      onClick={() => setResetFor(null)}
                    >
                      Cancel
                    </button>
                  </form>
                ) : (
                  <button
                    type="button"
                    className={ui.secondary}
                    aria-label={`Reset password for ${user.email}`}
                    onClick={() => setResetFor(user.id)}
                  >
                    Reset password
                  </button>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className={ui.secondary}
                  aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                  onClick={() => {
                    if (
                      !user.disabled &&
                      !window.confirm(
                        `Disable ${user.email}? They are signed out everywhere at once and cannot sign in until enabled again.`,
                      )
                    ) {
                      return;
                    }
                    void act(
                      send(`/api/users/${user.id}`, 'PATCH', { disabled: !user.disabled }),
                      user.disabled
                        ? `${user.email} is enabled again.`
                        : `${user.email} is disabled and signed out everywhere.`,
                    );
                  }}
                >
                  {user.disabled ? 'Enable' : 'Disable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
