import Link from 'next/link';
import type { ClaimReviewGap } from '@/server/queries/claim-review-gaps';
import ui from '@/components/ui/ui.module.css';

const plural = (n: number) => `${n} approved claim${n === 1 ? '' : 's'}`;

function describe(gap: ClaimReviewGap): { text: string; href: string; action: string } {
  switch (gap.kind) {
    case 'article-source-url':
      return {
        text: `${plural(gap.claims)}: “${gap.target.title}” has no source URL, so their ClaimReview has no appearance address`,
        href: `/articles/${gap.target.id}`,
        action: 'add it',
      };
    case 'article-published-date':
      return {
        text: `${plural(gap.claims)}: “${gap.target.title}” has no published date, so their ClaimReview has no claim date`,
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

/** Which approved claims' ClaimReview lacks what, each with a link to where it is fixed. */
export function ClaimReviewGaps({ gaps }: { gaps: readonly ClaimReviewGap[] }) {
  if (gaps.length === 0) return null;
  return (
    <section aria-labelledby="claimreview-gaps" className={`${ui.alert} ${ui.warning}`}>
      <h2 id="claimreview-gaps">ClaimReview: missing data</h2>
      <ul>
        {gaps.map((gap) => {
          const { text, href, action } = describe(gap);
          return (
            <li key={`${gap.kind}-${gap.target.id}`}>
              {text}: <Link href={href}>{action}</Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
