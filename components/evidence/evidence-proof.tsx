/**
 * A cited quote as the reviewer checks it (issue #15): highlighted in its paragraph of the stored
 * copy, with the copy's fetch date (or, for an uploaded file, its name and when it was stored)
 * and a link to the whole copy in its sandboxed view. No hooks:
 * rendered by the claim page on the server and by the review queue in the browser.
 */
import type { QuoteProofDTO } from '@/lib/evidence/api-types';
import { captureLinks } from '@/lib/api/evidence-client';
import { formatFetchDate } from './format';
import styles from './evidence-proof.module.css';

export function EvidenceProof({ proof }: { proof: QuoteProofDTO }) {
  const { capture, passage } = proof;
  if (!capture) {
    return <p className={styles.note}>No stored copy: the source was not archived.</p>;
  }
  return (
    <figure className={styles.proof}>
      {passage ? (
        <blockquote className={styles.passage} aria-label="Quote in the stored copy">
          {passage.before}
          <mark>{passage.quote}</mark>
          {passage.after}
        </blockquote>
      ) : proof.quote ? (
        <p className={styles.warn}>The quote was not found in the stored copy.</p>
      ) : null}
      <figcaption className={styles.note}>
        {proof.quoteAnchor === 'FUZZY' && passage ? 'Found with small differences · ' : ''}
        {/* A file someone uploaded is their copy, not what the address served: say so. */}
        {capture.kind === 'UPLOAD'
          ? `Uploaded file ${capture.url}, stored`
          : 'Stored copy fetched'}{' '}
        <time dateTime={capture.fetchedAt}>{formatFetchDate(capture.fetchedAt)}</time> ·{' '}
        <a href={captureLinks(capture.id).copy} target="_blank" rel="noopener noreferrer">
          Open stored copy
        </a>
      </figcaption>
    </figure>
  );
}
