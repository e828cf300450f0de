import type { Metadata } from 'next';
import Link from 'next/link';
import { LibraryValueCombobox } from '@/components/library-value-combobox';
import styles from '@/components/library/library.module.css';
import { REVIEW_STATES, REVIEW_STATE_LABELS } from '@/lib/domain';
import { formatDate } from '@/lib/format';
import { LIBRARY_SORTS, LIBRARY_SORT_LABELS, libraryQuerySchema } from '@/lib/library';
import { listLibrary } from '@/server/queries/library';
import { db } from '@/server/platform/db';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';

export const metadata: Metadata = { title: 'Library' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The article library: the home page after sign-in. Filters are a GET form, so links share. */
export default async function LibraryPage({ searchParams }: Props) {
  await requirePageUser('/');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [
      k,
      k === 'states' || !Array.isArray(v) ? v : v[0],
    ]),
  );
  const parsed = libraryQuerySchema.safeParse(raw);
  // A stale or hand-edited link shows the first page with its filters rather than an error.
  const query = parsed.success
    ? parsed.data
    : (libraryQuerySchema.safeParse({ ...raw, after: undefined, from: undefined, to: undefined })
        .data ?? libraryQuerySchema.parse({}));
  const page = await listLibrary(db(), query);
  const filtered = Boolean(
    query.q || query.source || query.author || query.from || query.to || query.states.length,
  );
  const href = (after?: string) => {
    const params = new URLSearchParams();
    for (const key of ['q', 'source', 'author', 'from', 'to'] as const) {
      const value = query[key];
      if (value) params.set(key, value);
    }
    for (const state of query.states) params.append('states', state);
    if (query.sort !== 'imported') params.set('sort', query.sort);
    if (after) params.set('after', after);
    const search = params.toString();
    return search ? `/?${search}` : '/';
  };

  return (
    <>
      <h1>Library</h1>
      <form className={styles.filters} method="get" action="/" role="search" aria-label="Library">
        <label className={styles.search}>
          Search the library
          <input
            type="search"
            name="q"
            maxLength={200}
            defaultValue={query.q ?? ''}
            placeholder="Words of the title or text"
          />
        </label>
        <LibraryValueCombobox
          label="Source"
          name="source"
          field="source"
          allLabel="All sources"
          current={query.source}
        />
        <LibraryValueCombobox
          label="Author"
          name="author"
          field="author"
          allLabel="All authors"
          current={query.author}
        />
        <label>
          Published from
          <input type="date" name="from" defaultValue={query.from ?? ''} />
        </label>
        <label>
          Published to
          <input type="date" name="to" defaultValue={query.to ?? ''} />
        </label>
        <fieldset>
          <legend>Has claims that are</legend>
          {REVIEW_STATES.map((state) => (
            <label key={state}>
              <input
                type="checkbox"
                name="states"
                value={state}
                defaultChecked={query.states.includes(state)}
              />
              {REVIEW_STATE_LABELS[state]}
            </label>
          ))}
        </fieldset>
        <label>
          Sort
          <select name="sort" defaultValue={query.sort}>
            {LIBRARY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {LIBRARY_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply</button>
        {filtered && <Link href="/">Clear filters</Link>}
      </form>
      {!parsed.success && (
        <p className={`${ui.alert} ${ui.error}`} role="alert">
          {parsed.error.issues[0]?.message ?? 'Some filters were not valid.'}
        </p>
      )}

      {page.total === 0 ? (
        <div className={`${ui.panel} ${styles.empty}`}>
          {filtered ? (
            <p>
              No articles match these filters. <Link href="/">Show all articles</Link>
            </p>
          ) : (
            <>
              <p>The library is empty. Bring in the first article to start checking it.</p>
              <Link className={ui.button} href="/import">
                Import an article
              </Link>
            </>
          )}
        </div>
      ) : (
        <>
          <div className={styles.summary}>
            <p className={ui.muted} role="status">
              {page.total.toLocaleString('en-GB')}
              {page.totalCapped ? '+' : ''} article{page.total === 1 ? '' : 's'}
              {filtered ? ' match' : ''}
              {page.total === 1 && filtered ? 'es' : ''}
              {query.after ? ' (later page)' : ''}
            </p>
            <Link href="/import">Import an article</Link>
          </div>
          <table aria-label="Articles" className={ui.stackedTable}>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Source</th>
                <th scope="col">Published</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {page.articles.map((article) => (
                <tr key={article.id}>
                  <td className={styles.title}>
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>
                    {article.byline && <div className={ui.muted}>By {article.byline}</div>}
                  </td>
                  <td data-label="Source">
                    {article.sourceName ?? <span className={ui.muted}>—</span>}
                  </td>
                  <td data-label="Published">
                    {article.publishedAt ? (
                      formatDate(article.publishedAt)
                    ) : (
                      <span className={ui.muted}>—</span>
                    )}
                  </td>
                  <td>
                    {/* The states its claims are in; a state with none is left out. */}
                    <div className={ui.counts} aria-label={`Claims of ${article.title}`}>
                      {article.claimCounts.total === 0 ? (
                        <span className={ui.muted}>No claims</span>
                      ) : (
                        <span className={ui.chip}>
                          {article.claimCounts.total} claim
                          {article.claimCounts.total === 1 ? '' : 's'}
                        </span>
                      )}
                      {REVIEW_STATES.filter((state) => article.claimCounts[state] > 0).map(
                        (state) => (
                          <span key={state} className={`${ui.chip} ${ui[state]}`}>
                            {REVIEW_STATE_LABELS[state]}: {article.claimCounts[state]}
                          </span>
                        ),
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className={styles.pager} aria-label="Pages">
            {query.after && <Link href={href()}>First page</Link>}
            {page.next && (
              <Link href={href(page.next)} rel="next">
                Next page
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
