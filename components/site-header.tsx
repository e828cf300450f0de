import Link from 'next/link';
import { ROLE_LABELS } from '@/lib/domain';
import { canManageUsers } from '@/lib/permissions';
import { getUser } from '@/server/session';
import { SignOutButton } from './sign-out-button';

/** The top bar: navigation for the signed-in user's role, who they are, and sign-out. */
export async function SiteHeader() {
  const user = await getUser();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Factmark
      </Link>
      <nav aria-label="Main">
        {user && <Link href="/">Library</Link>}
        {user && canManageUsers(user.role) && <Link href="/admin/users">Users</Link>}
      </nav>
      {user && (
        <>
          <span className="who">
            {user.name} · {ROLE_LABELS[user.role]}
          </span>
          <SignOutButton />
        </>
      )}
    </header>
  );
}
