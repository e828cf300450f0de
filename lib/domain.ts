/**
 * The domain's vocabularies, shared by every layer. These lists mirror the Prisma enums in
 * prisma/schema.prisma one to one (a test checks that they match), but `lib/` never imports
 * Prisma, so they live here as plain constants.
 */

export const ROLES = ['EDITOR', 'REVIEWER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const VERDICTS = [
  'UNVERIFIED',
  'TRUE',
  'MOSTLY_TRUE',
  'MIXED',
  'MISLEADING',
  'MOSTLY_FALSE',
  'FALSE',
  'UNPROVEN',
  'NOT_CHECKABLE',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const REVIEW_STATES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * How an annotation sits on its revision's text: EXACT where it was created or where the quote
 * still stands at the same offsets, MOVED where the exact quote was found elsewhere, FUZZY where
 * an approximate match above the confidence floor was applied, ORPHANED where no acceptable place
 * was found (the user has to confirm a candidate or re-attach it).
 */
export const ANCHOR_STATES = ['EXACT', 'MOVED', 'FUZZY', 'ORPHANED'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  UNVERIFIED: 'Unverified',
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  MIXED: 'Mixed',
  MISLEADING: 'Misleading',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  UNPROVEN: 'Unproven',
  NOT_CHECKABLE: 'Not checkable',
};

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
};

export const ROLE_LABELS: Record<Role, string> = {
  EDITOR: 'Editor',
  REVIEWER: 'Reviewer',
  ADMIN: 'Admin',
};
