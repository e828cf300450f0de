import Link from 'next/link';
import { ROLE_LABELS } from '@/lib/domain';
import { canManageUsers, canReview } from '@/lib/permissions';
import { db } from '@/server/platform/db';
import { countForHeader } from '@/server/queries/review-queue';
import { getUser } from '@/server/platform/session';
import { SignOutButton } from './sign-out-button';

/**
 * The top bar: navigation for the signed-in user's role, who they are, and sign-out. Reviewers
 * and admins see how many claims wait in the review queue; everyone sees how many of their own
 * claims were sent back to them.
 */
export async function SiteHeader() {
  const user = await getUser();
  const { waiting, sentBack } = user
    ? await countForHeader(db(), user.id, canReview(user.role))
    : { waiting: null, sentBack: 0 };
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Factmark
      </Link>
      <nav aria-label="Main">
        {user && <Link href="/">Library</Link>}
        {user && <Link href="/import">Import</Link>}
        {user && <Link href="/claims">Claims</Link>}
        {user && (
          <Link href="/my-claims">
            My claims
            {sentBack > 0 && <span className="badge">{sentBack} sent back</span>}
          </Link>
        )}
        {user && waiting !== null && (
          <Link href="/review">
            Review queue <span className="badge">{waiting}</span>
          </Link>
        )}
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
