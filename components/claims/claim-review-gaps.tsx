import Link from 'next/link';
import type {
  ClaimReviewGap,
  ClaimReviewGaps as Gaps,
  ClaimReviewGapTotal,
} from '@/server/queries/claim-review-gaps';
import ui from '@/components/ui/ui.module.css';

const plural = (n: number) => `${n} approved claim${n === 1 ? '' : 's'}`;
/** "its" for one claim, "their" for several. */
const whose = (n: number) => (n === 1 ? 'its' : 'their');

function describe(gap: ClaimReviewGap): { text: string; href: string; action: string } {
  switch (gap.kind) {
    case 'article-source-url':
      return {
        text: `${plural(gap.claims)}: “${gap.target.title}” has no source URL, so ${whose(gap.claims)} ClaimReview has no appearance address`,
        href: `/articles/${gap.target.id}`,
        action: 'add it',
      };
    case 'article-published-date':
      return {
        text: `${plural(gap.claims)}: “${gap.target.title}” has no published date, so ${whose(gap.claims)} ClaimReview has no claim date`,
        href: `/articles/${gap.target.id}`,
        action: 'add it',
      };
    case 'claimant':
      return {
        text: `“${gap.target.title}” names no claimant, so its ClaimReview has no claim author`,
        href: `/claims/${gap.target.id}`,
        action: 'name one',
      };
  }
}

/** What the rest of a kind's list would say, when only its first places are named. */
function rest(total: ClaimReviewGapTotal, listed: number): string | null {
  const more = total.places - listed;
  if (more <= 0) return null;
  const what = {
    'article-source-url': ['article', 'articles', 'without a source URL'],
    'article-published-date': ['article', 'articles', 'without a published date'],
    claimant: ['approved claim', 'approved claims', 'without a claimant'],
  }[total.kind];
  const count = `${more.toLocaleString('en')} more ${more === 1 ? what[0] : what[1]} ${what[2]}`;
  return total.kind === 'claimant'
    ? `…and ${count}`
    : `…and ${count} (${total.claims.toLocaleString('en')} approved claims in all)`;
}

/** Which approved claims' ClaimReview lacks what, each with a link to where it is fixed. */
export function ClaimReviewGaps({ gaps }: { gaps: Gaps }) {
  if (gaps.totals.length === 0) return null;
  return (
    <section aria-labelledby="claimreview-gaps" className={`${ui.alert} ${ui.warning}`}>
      <h2 id="claimreview-gaps">ClaimReview: missing data</h2>
      <ul>
        {gaps.totals.flatMap((total) => {
          const listed = gaps.gaps.filter((gap) => gap.kind === total.kind);
          const items = listed.map((gap) => {
            const { text, href, action } = describe(gap);
            return (
              <li key={`${gap.kind}-${gap.target.id}`}>
                {text}: <Link href={href}>{action}</Link>
              </li>
            );
          });
          const more = rest(total, listed.length);
          return more ? [...items, <li key={`${total.kind}-more`}>{more}</li>] : items;
        })}
      </ul>
    </section>
  );
}
