'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { api } from '@/lib/api/client';
import type { Span } from '@/lib/compare/types';
import {
  DIFFERENCE_LABELS,
  type ComparisonView,
  type DifferenceView,
  type OnlyView,
  type Segment,
} from '@/lib/compare/view';
import styles from './compare.module.css';

interface ArticleRef {
  id: string;
  title: string;
  revisionId: string;
}

type Status =
  { kind: 'busy' } | { kind: 'done'; claimId: string } | { kind: 'error'; message: string };

/** The two reports side by side, pair by pair, with typed differences and one-click claims. */
export function CompareView({
  a,
  b,
  view,
  english,
  claims,
  canAnnotate,
}: {
  a: ArticleRef;
  b: ArticleRef;
  view: ComparisonView;
  english: boolean;
  claims: Record<string, string>;
  canAnnotate: boolean;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<Record<string, Status>>({});
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  // The claim just created whose link takes focus from the button it replaces (which is gone).
  const focusCreated = useRef<string | null>(null);

  /** Creates a claim on the A span (or B's when A has none) and links the other side to it. */
  async function createClaim(key: string, text: string, spanA: Span | null, spanB: Span | null) {
    setStatus((s) => ({ ...s, [key]: { kind: 'busy' } }));
    const first = spanA
      ? { articleId: a.id, revisionId: a.revisionId, ...spanA }
      : { articleId: b.id, revisionId: b.revisionId, ...spanB! };
    const created = await api.createClaim({ span: first, claim: { text: text.slice(0, 2000) } });
    if (!created.ok) {
      setStatus((s) => ({ ...s, [key]: { kind: 'error', message: created.error.message } }));
      return;
    }
    const claimId = created.data.claim.id;
    if (spanA && spanB) {
      const linked = await api.linkSpan(claimId, {
        articleId: b.id,
        revisionId: b.revisionId,
        ...spanB,
      });
      if (!linked.ok) {
        setStatus((s) => ({
          ...s,
          [key]: {
            kind: 'error',
            message: `Claim created, but not linked to B: ${linked.error.message}`,
          },
        }));
        return;
      }
    }
    focusCreated.current = key;
    setStatus((s) => ({ ...s, [key]: { kind: 'done', claimId } }));
    router.refresh();
  }

  const claimButton = (
    key: string,
    text: string,
    spanA: Span | null,
    spanB: Span | null,
    what: string,
  ) => {
    const state = status[key];
    if (!canAnnotate) return null;
    if (state?.kind === 'done') {
      return (
        <span className={styles.created} role="status">
          Claim created:{' '}
          <Link
            href={`/claims/${state.claimId}`}
            ref={(link) => {
              if (!link || focusCreated.current !== key) return;
              focusCreated.current = null;
              // Unless the user went on to something else while it was being created.
              const active = document.activeElement;
              if (!active || active === document.body) link.focus();
            }}
          >
            {text}
          </Link>
        </span>
      );
    }
    return (
      <>
        <button
          type="button"
          className={styles.claimButton}
          disabled={state?.kind === 'busy'}
          onClick={() => void createClaim(key, text, spanA, spanB)}
          aria-label={`Create claim from ${what}`}
        >
          {state?.kind === 'busy' ? 'Creating…' : 'Create claim'}
        </button>
        {state?.kind === 'error' && (
          <span role="alert" className={styles.error}>
            {state.message}
          </span>
        )}
      </>
    );
  };

  const c = view.counts;
  const exportUrl = (format: 'json' | 'html') =>
    `/api/compare?a=${encodeURIComponent(a.id)}&b=${encodeURIComponent(b.id)}&format=${format}&download=1`;
  const rows = view.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !onlyDifferences || row.kind === 'differs');

  return (
    <div className={styles.compare}>
      <div className={styles.toolbar}>
        <p className={styles.summary}>
          {c.same} same · {c.reworded} reworded · <strong>{c.differs} differ</strong> (
          {c.differences} differences) · {c.onlyA} only in A · {c.onlyB} only in B
        </p>
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={onlyDifferences}
            onChange={(e) => setOnlyDifferences(e.target.checked)}
          />{' '}
          Only differing pairs
        </label>
        <span className={styles.exports}>
          Export: <a href={exportUrl('html')}>HTML report</a> · <a href={exportUrl('json')}>JSON</a>
        </span>
      </div>
      <p className={english ? styles.note : styles.warning}>
        {english
          ? 'Numbers, dates and reporting verbs are read with English rules.'
          : 'These texts are not in English: statements are still aligned, but alignment may be weaker and numbers, dates and reporting verbs are not compared.'}
      </p>
      <ul className={styles.legend} aria-label="Difference types">
        {Object.entries(DIFFERENCE_LABELS).map(([type, label]) => (
          <li key={type}>
            <mark className={styles[`d_${type}`]}>{label}</mark>
          </li>
        ))}
        <li>
          <span className={styles.claim}>Existing claim</span>
        </li>
      </ul>

      <div className={styles.grid} role="table" aria-label="Aligned statements">
        <div className={styles.head} role="row">
          <span role="columnheader">
            A: <Link href={`/articles/${a.id}`}>{a.title}</Link>
          </span>
          <span role="columnheader">
            B: <Link href={`/articles/${b.id}`}>{b.title}</Link>
          </span>
        </div>
        {rows.map(({ row, index }) => (
          <div
            key={index}
            className={`${styles.row} ${styles[row.kind]}`}
            role="row"
            data-kind={row.kind}
          >
            <div role="cell" className={styles.cell}>
              <span className={styles.kind}>{row.kind}</span>
              <span className={styles.sideLabel}>A</span>
              <Text segments={row.a.segments} claims={claims} />
              <ClaimsHere segments={row.a.segments} claims={claims} />
            </div>
            <div role="cell" className={styles.cell}>
              <span className={styles.sideLabel}>B</span>
              <Text segments={row.b.segments} claims={claims} />
              <ClaimsHere segments={row.b.segments} claims={claims} />
            </div>
            {row.differences.length > 0 && (
              <ul className={styles.differences} aria-label="Differences">
                {row.differences.map((d, k) => (
                  <li key={k}>
                    <DifferenceLine d={d} />
                    {claimButton(
                      `d${index}.${k}`,
                      d.suggestion,
                      d.a,
                      d.b,
                      `${DIFFERENCE_LABELS[d.type].toLowerCase()} difference`,
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>

      <div className={styles.onlyLists}>
        <OnlyList title={`Only in A: ${a.title}`} items={view.onlyA} claims={claims}>
          {(o, i) =>
            claimButton(
              `a${i}`,
              `Only report A states: “${o.text}”`,
              o.span,
              null,
              'statement only in A',
            )
          }
        </OnlyList>
        <OnlyList title={`Only in B: ${b.title}`} items={view.onlyB} claims={claims}>
          {(o, i) =>
            claimButton(
              `b${i}`,
              `Only report B states: “${o.text}”`,
              null,
              o.span,
              'statement only in B',
            )
          }
        </OnlyList>
      </div>
    </div>
  );
}

function DifferenceLine({ d }: { d: DifferenceView }) {
  return (
    <span>
      <mark className={styles[`d_${d.type}`]}>{DIFFERENCE_LABELS[d.type]}</mark>{' '}
      {d.aText === null ? <em>not stated in A</em> : <q>{d.aText}</q>} against{' '}
      {d.bText === null ? <em>not stated in B</em> : <q>{d.bText}</q>}{' '}
    </span>
  );
}

function Text({ segments, claims }: { segments: Segment[]; claims: Record<string, string> }) {
  return (
    <span className={styles.text}>
      {segments.map((s, i) => {
        const title = [
          ...s.types.map((t) => DIFFERENCE_LABELS[t]),
          ...s.claimIds.map((id) => `Claim: ${claims[id] ?? id}`),
        ].join('; ');
        const claimClass = s.claimIds.length ? styles.claim : '';
        if (s.types.length) {
          return (
            <mark
              key={i}
              className={`${styles[`d_${s.types[0]}`]} ${claimClass}`}
              title={title}
              data-type={s.types.join(' ')}
            >
              {s.text}
            </mark>
          );
        }
        return claimClass ? (
          <span key={i} className={claimClass} title={title}>
            {s.text}
          </span>
        ) : (
          <span key={i}>{s.text}</span>
        );
      })}
    </span>
  );
}

/**
 * The existing claims underlined in a statement, named under it with links to their pages: the
 * underline's hover text is out of reach of the keyboard, a touch screen and a screen reader.
 */
function ClaimsHere({ segments, claims }: { segments: Segment[]; claims: Record<string, string> }) {
  const ids = [...new Set(segments.flatMap((s) => s.claimIds))];
  if (ids.length === 0) return null;
  return (
    <ul className={styles.claimsHere} aria-label="Existing claims here">
      {ids.map((id) => (
        <li key={id}>
          Claim: <Link href={`/claims/${id}`}>{claims[id] ?? 'untitled claim'}</Link>
        </li>
      ))}
    </ul>
  );
}

function OnlyList({
  title,
  items,
  claims,
  children,
}: {
  title: string;
  items: OnlyView[];
  claims: Record<string, string>;
  children: (item: OnlyView, index: number) => React.ReactNode;
}) {
  return (
    <section className={styles.only} aria-label={title}>
      <h2>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className={styles.muted}>Nothing: every statement has a counterpart.</p>
      ) : (
        <ol>
          {items.map((o, i) => (
            <li key={i}>
              <Text segments={o.segments} claims={claims} /> {children(o, i)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
