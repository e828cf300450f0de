import Link from 'next/link';
import styles from './compare.module.css';

interface Choice {
  id: string;
  title: string;
  sourceName: string | null;
  score?: number;
}

/** Pick two articles (a plain GET form), with the articles most like A suggested first. */
export function ComparePicker({
  articles,
  suggestions,
  a,
  b,
}: {
  articles: Choice[];
  suggestions: Choice[];
  a?: string;
  b?: string;
}) {
  const label = (x: Choice) => (x.sourceName ? `${x.title} (${x.sourceName})` : x.title);
  const first = articles.find((x) => x.id === a);
  return (
    <div className={styles.picker}>
      {first && (
        <section aria-labelledby="suggested-heading">
          <h2 id="suggested-heading">Compare “{first.title}” with…</h2>
          {suggestions.length === 0 ? (
            <p>
              No article in the library shares enough with this one to suggest it. Pick one below.
            </p>
          ) : (
            <ol className={styles.suggestions}>
              {suggestions.map((s) => (
                <li key={s.id}>
                  <Link
                    href={`/compare?a=${encodeURIComponent(first.id)}&b=${encodeURIComponent(s.id)}`}
                  >
                    {label(s)}
                  </Link>{' '}
                  <span className={styles.muted}>
                    {Math.round((s.score ?? 0) * 100)}% similar words
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <form
        method="get"
        action="/compare"
        className={styles.pickForm}
        aria-label="Pick two articles"
      >
        <h2>{first ? 'Or pick any two articles' : 'Pick two articles'}</h2>
        <label>
          Report A
          <select name="a" defaultValue={a ?? ''} required>
            <option value="" disabled>
              Choose an article…
            </option>
            {articles.map((x) => (
              <option key={x.id} value={x.id}>
                {label(x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Report B
          <select name="b" defaultValue={b && b !== a ? b : ''} required>
            <option value="" disabled>
              Choose an article…
            </option>
            {articles.map((x) => (
              <option key={x.id} value={x.id}>
                {label(x)}
              </option>
            ))}
          </select>
        </label>
        {a && b && a === b && <p role="alert">Pick two different articles.</p>}
        <button type="submit">Compare</button>
      </form>
    </div>
  );
}
