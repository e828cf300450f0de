/** The review queue's items: the part of a review card the queue list sends to the browser. */
import type { ActionState, ReviewCard } from '@/server/queries/review-queue';
import { formatAge } from './format';

/** What the queue list needs of a review card (kept small: it is sent to the browser twice). */
export type QueueItem = Pick<
  ReviewCard,
  'id' | 'text' | 'claimant' | 'verdict' | 'rationale' | 'version'
> & {
  author: { name: string };
  /** How long it has waited, e.g. "3 days". */
  age: string;
  evidence: Pick<ReviewCard['evidence'][number], 'id' | 'url' | 'title' | 'quote' | 'captureId'>[];
  appearances: Pick<
    ReviewCard['appearances'][number],
    | 'annotationId'
    | 'articleId'
    | 'articleTitle'
    | 'context'
    | 'anchorState'
    | 'exact'
    | 'submittedExact'
  >[];
  /** Passages to confirm before approving (fuzzy or changed since submission). */
  changedSpans: ReviewCard['changedSpans'];
  can: { approve: ActionState };
};

/** The queue item of a review card, `now` being the time of the page. */
export function toQueueItem(card: ReviewCard, now: Date): QueueItem {
  const approve = card.can.approve;
  return {
    id: card.id,
    text: card.text,
    claimant: card.claimant,
    verdict: card.verdict,
    rationale: card.rationale,
    version: card.version,
    author: { name: card.author.name },
    age: formatAge(card.createdAt, now),
    evidence: card.evidence.map(({ id, url, title, quote, captureId }) => ({
      id,
      url,
      title,
      quote,
      captureId,
    })),
    appearances: card.appearances.map((a) => ({
      annotationId: a.annotationId,
      articleId: a.articleId,
      articleTitle: a.articleTitle,
      context: a.context,
      anchorState: a.anchorState,
      exact: a.exact,
      submittedExact: a.submittedExact,
    })),
    changedSpans: card.changedSpans,
    can: { approve },
  };
}
