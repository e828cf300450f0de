import type { Metadata } from 'next';
import { ArticleCombobox } from '@/components/article-combobox';
import { PersonCombobox } from '@/components/person-combobox';
import { FilterSelect } from '@/components/filter-select';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { VERDICTS, VERDICT_LABELS } from '@/lib/domain';
import { canReview } from '@/lib/permissions';
import { toQueueItem } from '@/components/review/queue-item';
import { KEYBOARD_SHORTCUTS } from '@/components/review/keyboard';
import { ReviewQueueList } from '@/components/review/review-queue';
import { db } from '@/server/platform/db';
import { listQueueFilterOptions, listReviewQueue } from '@/server/queries/review-queue';
import { queueQuerySchema, type QueueQuery } from '@/server/review-schemas';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

export const metadata: Metadata = { title: 'Review queue' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(query: QueueQuery, after?: string): string {
  const params = new URLSearchParams();
  if (query.article) params.set('article', query.article);
  if (query.author) params.set('author', query.author);
  if (query.verdict) params.set('verdict', query.verdict);
  if (after) params.set('after', after);
  const search = params.toString();
  return search ? `/review?${search}` : '/review';
}

/** REVIEWER and ADMIN: every submitted claim, oldest first, with approve and request changes. */
export default async function ReviewPage({ searchParams }: Props) {
  const user = await requirePageUser('/review');
  if (!canReview(user.role)) {
    forbidden();
  }
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = queueQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  const [page, options] = await Promise.all([
    listReviewQueue(db(), user, query),
    listQueueFilterOptions(db(), { article: query.article, author: query.author }),
  ]);
  const now = new Date();
  const filtered = Boolean(query.article || query.author || query.verdict);
  return (
    <div className={reviewStyles.review}>
      <h1>Review queue</h1>
      <p className={ui.muted}>
        {page.total} claim{page.total === 1 ? '' : 's'} waiting{filtered ? ' (filtered)' : ''},
        oldest first.
      </p>
      <form className={`${ui.formRow} ${reviewStyles.queueFilters}`} method="get" action="/review">
        <ArticleCombobox name="article" current={options.article} />
        <PersonCombobox
          label="Author"
          name="author"
          among="queue-authors"
          allLabel="All authors"
          current={options.author}
        />
        <FilterSelect
          label="Verdict"
          name="verdict"
          value={query.verdict}
          allLabel="All verdicts"
          options={VERDICTS.filter((v) => v !== 'UNVERIFIED').map((v) => ({
            value: v,
            label: VERDICT_LABELS[v],
          }))}
        />
        <button type="submit">Filter</button>
        {filtered && <Link href="/review">Clear filters</Link>}
      </form>

      <ReviewQueueList items={page.items.map((item) => toQueueItem(item, now))} />

      <nav className={reviewStyles.pager} aria-label="Queue pages">
        {query.after && <Link href={pageHref(query)}>First page</Link>}
        {page.nextCursor && <Link href={pageHref(query, page.nextCursor)}>Next page</Link>}
      </nav>

      <section className={`${ui.panel} ${reviewStyles.keys}`} aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard shortcuts</h2>
        <dl>
          {KEYBOARD_SHORTCUTS.map(({ key, action }) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
