/**
 * The JSON the claim and article routes send, as the client reads it (dates are ISO strings).
 * Routes build their bodies with `toWire` (./wire) typed as these, so the compiler catches a
 * server change the client would not understand.
 */
import type { AnchorState, ReviewState, Role, Verdict } from '@/lib/domain';

export interface EvidenceDTO {
  id?: string;
  url: string;
  title: string | null;
  quote: string | null;
  accessedAt: string | null;
  /** The stored copy the quote was taken from (issue #15); null or absent when not archived. */
  captureId?: string | null;
  /** Where the quote sits in the copy's text (UTF-16 offsets), as the server anchored it. */
  quoteStart?: number | null;
  quoteEnd?: number | null;
  quoteAnchor?: 'EXACT' | 'FUZZY' | 'NOT_FOUND' | null;
}

export interface PersonDTO {
  id: string;
  name: string;
}

export interface ClaimDTO {
  id: string;
  text: string;
  claimant: string | null;
  verdict: Verdict;
  rationale: string;
  reviewState: ReviewState;
  version: number;
  authorId: string;
  author: PersonDTO;
  lastEditedBy: PersonDTO | null;
  /** Who changed it since its last approval: they may not approve it (issue #10). */
  changedBy: string[];
  createdAt: string;
  updatedAt: string;
  evidence: EvidenceDTO[];
  appearances: {
    annotationId: string;
    articleId: string;
    articleTitle: string;
    exact: string;
    anchorState: AnchorState;
    /** The quote when submitted or approved; null when never submitted. */
    submittedExact: string | null;
  }[];
}

export interface AnnotationDTO {
  id: string;
  claimId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorState: AnchorState;
  anchorScore: number | null;
  createdById: string;
}

export interface OrphanDTO extends AnnotationDTO {
  candidates: { start: number; end: number; score: number; text: string }[];
}

/** GET /api/articles/:id/annotations (every claim in full). */
export interface ArticleAnnotationsDTO {
  revision: { id: string; number: number; text: string; sha256: string };
  annotations: AnnotationDTO[];
  orphans: OrphanDTO[];
  claims: ClaimDTO[];
}

/**
 * A claim as the article's list, highlight card and picker show it. The article page sends
 * these (thousands of full claims with evidence and appearances were most of its weight);
 * the panel loads the full claim when it opens. A ClaimDTO is one too.
 */
export type ClaimSummaryDTO = Pick<
  ClaimDTO,
  'id' | 'text' | 'claimant' | 'verdict' | 'reviewState' | 'version' | 'authorId' | 'author'
>;

/** A placed span as the workspace draws it (its quote and context stay on the server). */
export type SpanSummaryDTO = Pick<
  AnnotationDTO,
  'id' | 'claimId' | 'revisionId' | 'start' | 'end' | 'anchorState' | 'anchorScore'
>;

/** The article workspace's data: the page's first load (summaries) or the API's (full). */
export interface WorkspaceDataDTO extends Omit<ArticleAnnotationsDTO, 'claims' | 'annotations'> {
  annotations: SpanSummaryDTO[];
  claims: ClaimSummaryDTO[];
}

/** POST /api/claims: the claim and the span it was created on. */
export interface ClaimCreatedDTO {
  claim: ClaimDTO;
  annotation: AnnotationDTO;
}

/** POST /api/claims/:id/annotations: the claim and the span just linked to it. */
export interface SpanLinkedDTO {
  claim: ClaimDTO;
  annotation?: AnnotationDTO;
}

export interface CommentDTO {
  id: string;
  body: string;
  createdAt: string;
  author: PersonDTO;
}

export interface DecisionDTO {
  id: string;
  decision: string;
  comment: string | null;
  snapshotHash: string | null;
  createdAt: string;
  reviewer: PersonDTO;
}

/** GET /api/claims/:id/comments. */
export interface DiscussionDTO {
  comments: CommentDTO[];
  decisions: DecisionDTO[];
}

export interface HistoryEntryDTO {
  id: string;
  at: string;
  action: string;
  summary: string;
  actor: PersonDTO | null;
  changes: { field: string; label: string; beforeText: string; afterText: string }[];
  note: string | null;
  snapshotHash: string | null;
}

/** The signed-in user as the workspace needs them. */
export interface WorkspaceUser {
  id: string;
  name: string;
  role: Role;
}
