import type { Metadata } from 'next';
import { ClaimReviewGaps } from '@/components/claims/claim-review-gaps';
import { ArticleCombobox } from '@/components/article-combobox';
import { PersonCombobox } from '@/components/person-combobox';
import { FilterSelect } from '@/components/filter-select';
import Link from 'next/link';
import { z } from 'zod';
import { calendarDateSchema } from '@/lib/date-schemas';
import { endOfDay, parseCalendarDate } from '@/lib/dates';
import {
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  VERDICTS,
  VERDICT_LABELS,
  type ReviewState,
  type Verdict,
} from '@/lib/domain';
import {
  listClaimFilterOptions,
  listClaimsPage,
  CLAIMS_PAGE_LIMIT,
} from '@/server/queries/claims-list';
import { listClaimReviewGaps } from '@/server/queries/claim-review-gaps';
import { db } from '@/server/platform/db';
import type { ClaimListFilters } from '@/server/export';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';
import exportStyles from '@/components/export/export.module.css';
import { VerdictChip } from '@/components/verdict/verdict-chip';

export const metadata: Metadata = { title: 'Claims' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A bad value is dropped (as if not given) rather than failing the page. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const upper = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

const id = z.string().trim().min(1).max(64);

const querySchema = z.object({
  state: z.preprocess(upper, z.enum([...REVIEW_STATES, 'ALL'])).catch('APPROVED'),
  verdict: lenient(z.preprocess(upper, z.enum(VERDICTS))),
  article: lenient(id),
  author: lenient(id),
  reviewer: lenient(id),
  from: lenient(calendarDateSchema),
  to: lenient(calendarDateSchema),
  q: lenient(
    z
      .string()
      .trim()
      .max(200)
      .transform((value) => value || undefined),
  ),
});

type Query = z.infer<typeof querySchema>;

/** The query as the export API takes it (the filters only, empty ones left out). */
function queryString(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  params.set('state', query.state);
  for (const key of ['verdict', 'article', 'author', 'reviewer', 'from', 'to', 'q'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}

function toFilters(query: Query): ClaimListFilters {
  const from = query.from ? parseCalendarDate(query.from)! : undefined;
  const to = query.to ? endOfDay(parseCalendarDate(query.to)!) : undefined;
  return {
    state: query.state,
    verdict: query.verdict,
    article: query.article,
    author: query.author,
    reviewer: query.reviewer,
    from,
    to,
    q: query.q,
  };
}

const DOWNLOADS = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'claimreview', label: 'ClaimReview JSON-LD' },
] as const;

/** Every claim (approved ones by default), filtered, with downloads of the same list. */
export default async function ClaimsPage({ searchParams }: Props) {
  await requirePageUser('/claims');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const query = querySchema.parse(raw);
  // The export API refuses from >= to; the page shows nothing for such a range instead.
  const emptyRange = Boolean(query.from && query.to && query.from > query.to);
  const [page, options, gaps] = await Promise.all([
    emptyRange
      ? Promise.resolve({ claims: [], more: false })
      : listClaimsPage(db(), toFilters(query)),
    listClaimFilterOptions(db(), {
      article: query.article,
      author: query.author,
      reviewer: query.reviewer,
    }),
    listClaimReviewGaps(db()),
  ]);
  const params = queryString(query);
  const filtered = [...params.keys()].some((key) => key !== 'state') || query.state !== 'APPROVED';
  return (
    <div className="claims-page">
      <h1>Claims</h1>
      <form className={`${ui.formRow} ${exportStyles.claimsFilters}`} method="get" action="/claims">
        <label>
          Review state
          <select name="state" defaultValue={query.state}>
            <option value="APPROVED">{REVIEW_STATE_LABELS.APPROVED}</option>
            <option value="ALL">All states</option>
            {REVIEW_STATES.filter((s) => s !== 'APPROVED').map((s: ReviewState) => (
              <option key={s} value={s}>
                {REVIEW_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <FilterSelect
          label="Verdict"
          name="verdict"
          value={query.verdict}
          allLabel="All verdicts"
          options={VERDICTS.map((v: Verdict) => ({ value: v, label: VERDICT_LABELS[v] }))}
        />
        <ArticleCombobox name="article" current={options.article} />
        <PersonCombobox
          label="Author"
          name="author"
          among="all"
          allLabel="All authors"
          current={options.author}
        />
        <PersonCombobox
          label="Reviewer"
          name="reviewer"
          among="reviewers"
          allLabel="All reviewers"
          current={options.reviewer}
        />
        <label>
          Created from
          <input type="date" name="from" defaultValue={query.from ?? ''} />
        </label>
        <label>
          Created to
          <input type="date" name="to" defaultValue={query.to ?? ''} />
        </label>
        <label>
          Text
          <input
            type="search"
            name="q"
            maxLength={200}
            defaultValue={query.q ?? ''}
            placeholder="Claim or claimant"
          />
        </label>
        <button type="submit">Filter</button>
        {filtered && <Link href="/claims">Clear filters</Link>}
      </form>

      {page.claims.length > 0 && (
        <nav className={exportStyles.exportDownloads} aria-label="Download claims">
          <span>Download these claims:</span>
          {DOWNLOADS.map(({ format, label }) => (
            <a
              key={format}
              href={`/api/claims/export?format=${format}&${params.toString()}`}
              download
            >
              {label}
            </a>
          ))}
        </nav>
      )}

      <ClaimReviewGaps gaps={gaps} />

      <p className={ui.muted} role="status">
        {page.more
          ? `Showing the first ${CLAIMS_PAGE_LIMIT} matching claims; the downloads include them all.`
          : `${page.claims.length} matching claim${page.claims.length === 1 ? '' : 's'}.`}
      </p>

      {page.claims.length > 0 && (
        <table aria-label="Claims" className={ui.stackedTable}>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Claimant</th>
              <th scope="col">Verdict</th>
              <th scope="col">Review state</th>
              <th scope="col">Articles</th>
              <th scope="col">Author</th>
            </tr>
          </thead>
          <tbody>
            {page.claims.map((claim) => {
              const articles = [
                ...new Map(claim.appearances.map((a) => [a.articleId, a.articleTitle])),
              ];
              return (
                <tr key={claim.id}>
                  <td>
                    <Link href={`/claims/${claim.id}`}>{claim.text}</Link>
                  </td>
                  <td data-label="Claimant">
                    {claim.claimant ?? <span className={ui.muted}>—</span>}
                  </td>
                  <td data-label="Verdict">
                    <VerdictChip verdict={claim.verdict} />
                  </td>
                  <td data-label="Review state">
                    <span className={`${ui.chip} ${ui[claim.reviewState]}`}>
                      {REVIEW_STATE_LABELS[claim.reviewState]}
                    </span>
                  </td>
                  <td data-label="Articles">
                    {articles.length === 0 ? (
                      <span className={ui.muted}>—</span>
                    ) : (
                      <ul className={exportStyles.claimsArticles}>
                        {articles.map(([articleId, title]) => (
                          <li key={articleId}>
                            <Link href={`/articles/${articleId}`}>{title}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label="Author">{claim.author.name}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
