import Link from 'next/link';
import type { RevisionSummary } from '@/server/queries/revisions';
import { formatDateTime } from '@/lib/format';
import { describeOutcomes } from './anchor-outcomes';
import styles from './revisions.module.css';
import ui from '@/components/ui/ui.module.css';

/**
 * An article's revisions, newest first: number, author, time and what re-anchoring did to the
 * highlights, each with a link comparing it with the revision before, and a form to compare any
 * two.
 */
export function RevisionList({
  articleId,
  revisions,
}: {
  articleId: string;
  revisions: readonly RevisionSummary[];
}) {
  const latest = revisions[0]?.number ?? 1;
  return (
    <>
      <table className={styles.table} aria-label="Revisions">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Author</th>
            <th scope="col">Saved</th>
            <th scope="col">Highlights</th>
            <th scope="col">
              <span className={ui.visuallyHidden}>Compare</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.id}>
              <td>{revision.number}</td>
              <td>{revision.author.name}</td>
              <td>{formatDateTime(revision.createdAt)}</td>
              <td>{describeOutcomes(revision.outcomes)}</td>
              <td>
                {revision.number > 1 && (
                  <Link
                    href={`/articles/${articleId}/revisions/compare?from=${revision.number - 1}&to=${revision.number}`}
                    aria-label={`Compare revision ${revision.number} with ${revision.number - 1}`}
                  >
                    Changes
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revisions.length > 1 && (
        <form
          className={styles.compareForm}
          action={`/articles/${articleId}/revisions/compare`}
          aria-label="Compare two revisions"
        >
          <label>
            From revision{' '}
            <select name="from" defaultValue={String(latest - 1)}>
              {revisions.map((revision) => (
                <option key={revision.id} value={revision.number}>
                  {revision.number}
                </option>
              ))}
            </select>
          </label>
          <label>
            To revision{' '}
            <select name="to" defaultValue={String(latest)}>
              {revisions.map((revision) => (
                <option key={revision.id} value={revision.number}>
                  {revision.number}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Compare</button>
        </form>
      )}
    </>
  );
}
