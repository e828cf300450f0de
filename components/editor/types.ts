/** The data the article workspace works with, as JSON (dates are ISO strings). */
import type { AnchorState, ReviewState, Role, Verdict } from '@/lib/domain';

export interface EvidenceDTO {
  id?: string;
  url: string;
  title: string | null;
  quote: string | null;
  accessedAt: string | null;
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
  author: { id: string; name: string };
  lastEditedBy: { id: string; name: string } | null;
  /** Who changed it since its last approval (they may not approve it). */
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
    /** The quote when submitted or approved (null: never submitted). */
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

export interface ArticleAnnotationsDTO {
  revision: { id: string; number: number; text: string; sha256: string };
  annotations: AnnotationDTO[];
  orphans: OrphanDTO[];
  claims: ClaimDTO[];
}

export interface WorkspaceUser {
  id: string;
  name: string;
  role: Role;
}
