'use client';

/** Where a claim appears: every span in this and other articles, with its anchor state. */
import Link from 'next/link';
import type { SpanSummaryDTO, ClaimDTO } from '@/lib/api/types';
import { ANCHOR_LABELS, anchorBadge } from './anchor-labels';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

export function Appearances({
  claim,
  articleId,
  annotations,
  onRemove,
}: {
  claim: ClaimDTO;
  articleId: string;
  annotations: SpanSummaryDTO[];
  onRemove(id: string): void;
}) {
  return (
    <section className={styles.appearances} aria-label="Where this claim appears">
      <h3>
        Appears in {claim.appearances.length} place{claim.appearances.length === 1 ? '' : 's'}
      </h3>
      <ul>
        {claim.appearances.map((a) => {
          const here = annotations.find((x) => x.id === a.annotationId);
          return (
            <li key={a.annotationId}>
              {a.articleId === articleId ? (
                <em>This article</em>
              ) : (
                <Link href={`/articles/${a.articleId}`}>{a.articleTitle}</Link>
              )}
              : “{a.exact}”{' '}
              <span className={`${ui.muted} ${ui.small}`}>
                ({here ? anchorBadge(here) : ANCHOR_LABELS[a.anchorState]})
              </span>{' '}
              {a.articleId === articleId && (
                <button
                  type="button"
                  className={`${ui.secondary} ${ui.small}`}
                  onClick={() => onRemove(a.annotationId)}
                >
                  Remove highlight
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className={`${ui.muted} ${ui.small}`}>
        By {claim.author.name}
        {claim.lastEditedBy ? `, last changed by ${claim.lastEditedBy.name}` : ''} · version{' '}
        {claim.version}
      </p>
    </section>
  );
}
