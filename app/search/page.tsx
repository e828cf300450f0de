import type { Metadata } from 'next';
import Link from 'next/link';
import { Highlighted } from '@/components/search/highlighted';
import styles from '@/components/search/search.module.css';
import { REVIEW_STATE_LABELS } from '@/lib/domain';
import { formatDate } from '@/lib/format';
import { SEARCH_PAGE_SIZE, searchQuerySchema } from '@/lib/search/types';
import { search } from '@/server/queries/search';
import { db } from '@/server/platform/db';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';
import { VerdictChip } from '@/components/verdict/verdict-chip';

export const metadata: Metadata = { title: 'Search' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Global search: articles and claims, ranked, matching words marked. */
export default async function SearchPage({ searchParams }: Props) {
  await requirePageUser('/search');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = searchQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : null;
  const results = query ? await search(db(), query) : null;
  const href = (type: 'articles' | 'claims', offset: number) =>
    `/search?${new URLSearchParams({ q: query?.q ?? '', type, offset: String(offset) })}`;
  const offset = query?.offset ?? 0;

  return (
    <>
      <h1>Search</h1>
      <form className={styles.form} method="get" action="/search" role="search" aria-label="Search">
        <label>
          Articles and claims
          <input
            type="search"
            name="q"
            maxLength={200}
            defaultValue={typeof raw.q === 'string' ? raw.q : ''}
            placeholder="A word, a phrase in quotes, a name"
          />
        </label>
        <button type="submit">Search</button>
      </form>
      {!query && raw.q !== undefined && (
        <p className={`${ui.alert} ${ui.error}`} role="alert">
          {parsed.error?.issues[0]?.message ?? 'Type something to search for.'}
        </p>
      )}
      {!query && raw.q === undefined && (
        <p className={ui.muted}>
          Finds articles by their title, byline, source and text, and claims by their text,
          claimant, rationale and evidence. Names may be misspelled; put a phrase in quotes; a
          leading minus excludes a word. Press <kbd>/</kbd> anywhere to search.
        </p>
      )}

      {results?.articles && (
        <section aria-labelledby="article-results">
          <h2 id="article-results">Articles</h2>
          {results.articles.hits.length === 0 ? (
            <p className={ui.muted}>No article matches.</p>
          ) : (
            <ol className={styles.results} start={offset + 1}>
              {results.articles.hits.map((hit) => (
                <li key={hit.id} className={styles.hit}>
                  <h3>
                    <Link href={`/articles/${hit.id}`}>
                      <Highlighted segments={hit.title} />
                    </Link>
                  </h3>
                  <div className={styles.meta}>
                    {[hit.sourceName, hit.publishedAt ? formatDate(hit.publishedAt) : null]
                      .filter(Boolean)
                      .join(' · ')}
                    {hit.byline.length > 0 && (
                      <>
                        {hit.sourceName || hit.publishedAt ? ' · ' : ''}By{' '}
                        <Highlighted segments={hit.byline} />
                      </>
                    )}
                  </div>
                  {hit.excerpt.length > 0 && (
                    <p>
                      <Highlighted segments={hit.excerpt} />
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          <Pager
            prev={offset > 0 ? href('articles', Math.max(0, offset - SEARCH_PAGE_SIZE)) : null}
            next={results.articles.more ? href('articles', offset + SEARCH_PAGE_SIZE) : null}
            what="articles"
          />
        </section>
      )}

      {results?.claims && (
        <section aria-labelledby="claim-results">
          <h2 id="claim-results">Claims</h2>
          {results.claims.hits.length === 0 ? (
            <p className={ui.muted}>No claim matches.</p>
          ) : (
            <ol className={styles.results} start={offset + 1}>
              {results.claims.hits.map((hit) => (
                <li key={hit.id} className={styles.hit}>
                  <h3>
                    <Link href={`/claims/${hit.id}`}>
                      <Highlighted segments={hit.text} />
                    </Link>
                  </h3>
                  <div className={styles.meta}>
                    {hit.claimant.length > 0 && (
                      <>
                        <Highlighted segments={hit.claimant} /> ·{' '}
                      </>
                    )}
                    <VerdictChip verdict={hit.verdict} /> · {REVIEW_STATE_LABELS[hit.reviewState]}
                    {hit.articles.length > 0 && (
                      <>
                        {' · in '}
                        {hit.articles.map((a, i) => (
                          <span key={a.id}>
                            {i > 0 && ', '}
                            <Link href={`/articles/${a.id}`}>{a.title}</Link>
                          </span>
                        ))}
                      </>
                    )}
                  </div>
                  {hit.rationale.some((s) => s.match) && (
                    <p>
                      <span className={styles.label}>Rationale</span>
                      <Highlighted segments={hit.rationale} />
                    </p>
                  )}
                  {hit.evidence.length > 0 && (
                    <p>
                      <span className={styles.label}>Evidence</span>
                      <Highlighted segments={hit.evidence} />
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          <Pager
            prev={offset > 0 ? href('claims', Math.max(0, offset - SEARCH_PAGE_SIZE)) : null}
            next={results.claims.more ? href('claims', offset + SEARCH_PAGE_SIZE) : null}
            what="claims"
          />
        </section>
      )}
    </>
  );
}

function Pager({ prev, next, what }: { prev: string | null; next: string | null; what: string }) {
  if (!prev && !next) return null;
  return (
    <nav className={styles.pager} aria-label={`More ${what}`}>
      {prev && <Link href={prev}>Previous {what}</Link>}
      {next && <Link href={next}>More {what}</Link>}
    </nav>
  );
}
