import Link from 'next/link';
import { ROLE_LABELS } from '@/lib/domain';
import { canManageUsers, canReview } from '@/lib/permissions';
import { db } from '@/server/platform/db';
import { countForHeader } from '@/server/queries/review-queue';
import { getUser } from '@/server/platform/session';
import { HeaderMenu, HeaderSearch } from './header/header-menu';
import styles from './header/header.module.css';
import { SignOutButton } from './sign-out-button';

/**
 * The top bar: navigation for the signed-in user's role, the global search, who they are, and
 * sign-out. Reviewers and admins see how many claims wait in the review queue; everyone sees how
 * many of their own claims were sent back to them. On narrow screens the links fold into a menu.
 */
export async function SiteHeader() {
  const user = await getUser();
  const { waiting, sentBack } = user
    ? await countForHeader(db(), user.id, canReview(user.role))
    : { waiting: null, sentBack: 0 };
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        Factmark
      </Link>
      {user && <HeaderSearch />}
      {user && (
        <HeaderMenu>
          <nav aria-label="Main">
            <Link href="/">Library</Link>
            <Link href="/import">Import</Link>
            <Link href="/claims">Claims</Link>
            <Link href="/my-claims">
              My claims
              {sentBack > 0 && <span className={styles.badge}>{sentBack} sent back</span>}
            </Link>
            {waiting !== null && (
              <Link href="/review">
                Review queue <span className={styles.badge}>{waiting}</span>
              </Link>
            )}
            <Link href="/evidence/changed">Changed sources</Link>
            {canManageUsers(user.role) && <Link href="/admin/users">Users</Link>}
          </nav>
          <span className={styles.who}>
            {user.name} · {ROLE_LABELS[user.role]}
          </span>
          <SignOutButton />
        </HeaderMenu>
      )}
    </header>
  );
}
