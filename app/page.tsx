import type { Metadata } from 'next';
import Link from 'next/link';
import { REVIEW_STATES, REVIEW_STATE_LABELS } from '@/lib/domain';
import { formatDate } from '@/lib/format';
import { listArticles } from '@/server/articles';
import { db } from '@/server/platform/db';
import { requirePageUser } from '@/server/platform/session';

export const metadata: Metadata = { title: 'Library' };

/** The article library: the home page after sign-in. */
export default async function LibraryPage() {
  await requirePageUser('/');
  const articles = await listArticles(db());
  return (
    <>
      <h1>Library</h1>
      {articles.length === 0 ? (
        <p className="panel muted">No articles yet.</p>
      ) : (
        <table aria-label="Articles">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Source</th>
              <th scope="col">Published</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/articles/${article.id}`}>{article.title}</Link>
                  {article.byline && <div className="muted">By {article.byline}</div>}
                </td>
                <td>{article.sourceName ?? <span className="muted">—</span>}</td>
                <td>
                  {article.publishedAt ? (
                    formatDate(article.publishedAt)
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <div className="counts" aria-label={`Claims of ${article.title}`}>
                    <span className="chip">{article.claimCounts.total} total</span>
                    {REVIEW_STATES.map((state) => (
                      <span key={state} className={`chip ${state}`}>
                        {REVIEW_STATE_LABELS[state]}: {article.claimCounts[state]}
                      </span>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
