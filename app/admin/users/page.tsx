import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminUsers } from '@/components/admin-users';
import { canManageUsers } from '@/lib/permissions';
import { db } from '@/server/platform/db';
import { requirePageUser } from '@/server/platform/session';
import { listUsers } from '@/server/users';

export const metadata: Metadata = { title: 'Users' };

/** ADMIN: list users, create one, reset a password, change a role, disable or enable one. */
export default async function UsersPage() {
  const user = await requirePageUser('/admin/users');
  if (!canManageUsers(user.role)) {
    return (
      <div className="forbidden panel" role="alert">
        <h1>Access denied</h1>
        <p>User management needs the Admin role. Ask an admin if you need an account changed.</p>
        <Link href="/">Back to the library</Link>
      </div>
    );
  }
  const users = await listUsers(db());
  return (
    <>
      <h1>Users</h1>
      <AdminUsers
        currentUserId={user.id}
        users={users.map((u) => ({
          id: u.id,
          email: u.email,
          name: u.name,
          role: u.role,
          disabled: u.disabledAt !== null,
        }))}
      />
    </>
  );
}
