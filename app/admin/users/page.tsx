import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
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
    forbidden();
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
