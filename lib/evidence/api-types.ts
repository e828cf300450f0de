/**
 * The JSON the evidence routes send, as the browser reads it (dates are ISO strings): one
 * contract for the routes' services and lib/api/evidence-client.
 */
import type { ReviewState } from '../domain';
import type { DiffPart, QuoteAnchorState, QuotePassage, SourceChangeKind } from './quote';

/** A stored copy's metadata (no storage paths). */
export interface CaptureDTO {
  id: string;
  sourceId: string | null;
  kind: 'FETCH' | 'UPLOAD';
  url: string;
  status: number | null;
  mediaType: string | null;
  title: string | null;
  fetchedAt: string;
  sha256: string;
  size: number;
  warcRecordId: string;
}

export interface SourceDTO {
  id: string;
  url: string;
  state: 'PENDING' | 'ARCHIVED' | 'FAILED';
  lastError: string | null;
  lastCheckedAt: string | null;
}

/** POST /api/evidence/captures. */
export interface ArchivedDTO {
  capture: CaptureDTO | null;
  source: SourceDTO | null;
}

/** GET /api/evidence/captures/:id. */
export interface CaptureTextDTO {
  capture: CaptureDTO;
  text: string;
}

/** POST /api/evidence/captures/:id/quote. */
export interface AnchoredQuoteDTO {
  state: QuoteAnchorState;
  anchor: { start: number; end: number; exact: string; prefix: string; suffix: string } | null;
  score: number;
}

/** POST /api/evidence/sources/:id/recheck. */
export interface RecheckDTO {
  outcome: 'unchanged' | 'changed' | 'failed';
  captureId?: string;
  alerts?: number;
  error?: { code: string; message: string };
}

/** GET /api/evidence/quotes/:evidenceId: a cited quote in its stored copy, for reviewers. */
export interface QuoteProofDTO {
  evidenceId: string;
  url: string;
  quote: string | null;
  quoteAnchor: QuoteAnchorState | null;
  capture: CaptureDTO | null;
  passage: QuotePassage | null;
}

/** One open "source changed since cited" alert (GET /api/evidence/alerts). */
export interface AlertDTO {
  id: string;
  /** `authorId`: who may dismiss the alert depends on it (lib/review's canDismissSourceAlert). */
  claim: { id: string; text: string; reviewState: ReviewState; verdict: string; authorId: string };
  url: string;
  quote: string;
  newQuote: string | null;
  change: SourceChangeKind;
  diff: DiffPart[];
  citedCapture: { id: string; fetchedAt: string | null };
  newCapture: { id: string; fetchedAt: string | null };
  createdAt: string;
}

/** GET /api/articles/:id/watch: an article imported from an address, watched there. */
export interface ArticleWatchDTO {
  url: string;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  lastError: string | null;
  /** The source's new text waiting for an editor, diffed against the current revision. */
  proposal: {
    id: string;
    url: string;
    fetchedAt: string;
    /** The revision the diff was made against; accepting sends it back (409 if stale). */
    baseRevisionId: string;
    baseRevisionNumber: number;
    parts: DiffPart[];
    added: number;
    removed: number;
  } | null;
}

/** POST /api/articles/:id/watch (Check now). */
export type ArticleRecheckDTO =
  | { outcome: 'unchanged' }
  | { outcome: 'proposed'; proposalId: string }
  | { outcome: 'failed'; error: { code: string; message: string } };
