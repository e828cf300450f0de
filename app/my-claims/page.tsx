import type { Metadata } from 'next';
import Link from 'next/link';
import { REVIEW_STATE_LABELS, type ReviewState } from '@/lib/domain';
import { formatAge } from '@/components/review/format';
import { SubmitAllButton } from '@/components/review/submit-all-button';
import { db } from '@/server/platform/db';
import {
  listArticlesWithOpenClaims,
  listMyClaims,
  type MyClaim,
} from '@/server/queries/review-queue';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';
import { VerdictChip } from '@/components/verdict/verdict-chip';

export const metadata: Metadata = { title: 'My claims' };

/** Sections in the order an author works through them. */
const SECTIONS: { state: ReviewState; heading: string; empty: string }[] = [
  { state: 'CHANGES_REQUESTED', heading: 'Changes requested', empty: 'Nothing was sent back.' },
  { state: 'DRAFT', heading: 'My drafts', empty: 'No drafts.' },
  { state: 'SUBMITTED', heading: 'Waiting for review', empty: 'Nothing waits for review.' },
  { state: 'APPROVED', heading: 'Approved', empty: 'Nothing approved yet.' },
];

const PER_SECTION = 100;

/** The signed-in user's own claims by review state, with "submit all" per article. */
export default async function MyClaimsPage() {
  const user = await requirePageUser('/my-claims');
  const [{ counts, claims }, openArticles] = await Promise.all([
    listMyClaims(db(), user.id, { limit: PER_SECTION }),
    listArticlesWithOpenClaims(db(), user.id),
  ]);
  const now = new Date();
  return (
    <div className={reviewStyles.myClaims}>
      <h1>My claims</h1>
      <nav className={ui.counts} aria-label="My claims by state">
        {SECTIONS.map(({ state, heading }) => (
          <a key={state} href={`#${state}`} className={`${ui.chip} ${ui[state]}`}>
            {heading}: {counts[state]}
          </a>
        ))}
      </nav>

      {openArticles.length > 0 && (
        <section className={ui.panel} aria-labelledby="submit-all-heading">
          <h2 id="submit-all-heading">Submit for review by article</h2>
          <p className={ui.muted}>
            Sends every draft and sent-back claim of yours in the article to the review queue;
            claims without a verdict or a rationale stay behind, and you are told why.
          </p>
          <ul className={reviewStyles.submitAllList}>
            {openArticles.map((a) => (
              <li key={a.id}>
                <Link href={`/articles/${a.id}`}>{a.title}</Link>{' '}
                <SubmitAllButton articleId={a.id} articleTitle={a.title} count={a.count} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {SECTIONS.map(({ state, heading, empty }) => {
        const rows = claims.filter((c) => c.reviewState === state);
        return (
          <section key={state} id={state} aria-labelledby={`${state}-heading`}>
            <h2 id={`${state}-heading`}>
              {heading} <span className={ui.muted}>({counts[state]})</span>
            </h2>
            {rows.length === 0 ? (
              <p className={ui.muted}>{empty}</p>
            ) : (
              <ClaimTable
                label={heading}
                rows={rows}
                now={now}
                showRequest={state === 'CHANGES_REQUESTED'}
              />
            )}
            {counts[state] > rows.length && (
              <p className={ui.muted}>
                Showing the {rows.length} most recently changed of {counts[state]}.
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function ClaimTable({
  label,
  rows,
  now,
  showRequest,
}: {
  label: string;
  rows: MyClaim[];
  now: Date;
  showRequest: boolean;
}) {
  return (
    <table aria-label={label} className={ui.stackedTable}>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Articles</th>
          <th scope="col">Verdict</th>
          <th scope="col">{showRequest ? 'Requested' : 'Changed'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((claim) => (
          <tr key={claim.id}>
            <td>
              <Link href={`/claims/${claim.id}`}>{claim.text}</Link>
              {showRequest && claim.lastDecision?.comment && (
                <div className={reviewStyles.requestNote}>
                  {claim.lastDecision.reviewer.name}: “{claim.lastDecision.comment}”
                </div>
              )}
            </td>
            <td data-label="Articles">
              {claim.articles.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ', '}
                  <Link href={`/articles/${a.id}`}>{a.title}</Link>
                </span>
              ))}
            </td>
            <td data-label="Verdict">
              <VerdictChip verdict={claim.verdict} />
            </td>
            <td
              title={REVIEW_STATE_LABELS[claim.reviewState]}
              data-label={showRequest ? 'Requested' : 'Changed'}
            >
              {formatAge(
                showRequest && claim.lastDecision ? claim.lastDecision.createdAt : claim.updatedAt,
                now,
              )}{' '}
              ago
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
