/**
 * The shapes the review workflow works on. They are plain data: the persistence layer maps its
 * rows onto `ClaimForReview` and `Actor`, hands them to the pure functions of this module, and
 * writes back what they return. Nothing here knows about Prisma, HTTP or React.
 */

import type { AnchorState, Role, ReviewState, Verdict } from '../domain';

/** One piece of evidence cited by a claim. `url` is required, `title` and `quote` are optional. */
export type Evidence = {
  readonly url: string;
  readonly title: string | null;
  readonly quote: string | null;
};

/**
 * Where one of the claim's annotations sits: the revision it is anchored in, its character
 * offsets in that revision's text (`start` inclusive, `end` exclusive) and the exact quote found
 * there.
 */
export type Anchor = {
  readonly revisionId: string;
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  /** The annotation's id (server data; absent in hand-built anchors). */
  readonly id?: string;
  /** The article the span lies in. */
  readonly articleId?: string;
  /** How the span was last placed: EXACT, MOVED, FUZZY or ORPHANED (absent: EXACT). */
  readonly state?: AnchorState;
  /** The quote when the claim was last submitted (null: not submitted since it was made). */
  readonly submittedExact?: string | null;
  /** Who made the span (they may remove it, besides the claim's author and admins). */
  readonly createdById?: string;
};

/**
 * Everything the review workflow needs to know about a claim. `version` is the optimistic
 * concurrency counter: every successful transition returns `version + 1`, so the writer can
 * update `WHERE version = <the version it read>`.
 */
export type ClaimForReview = {
  readonly id: string;
  readonly authorId: string;
  /** Who last changed the claim's content or spans (shown to users); null if never edited. */
  readonly lastEditedById: string | null;
  /**
   * Everyone who changed the claim's content or spans since it was last approved (since it was
   * made, when never approved): the one source of truth of the four-eyes rule. Approving
   * empties it.
   */
  readonly changedBy: readonly string[];
  readonly text: string;
  readonly claimant: string | null;
  readonly reviewState: ReviewState;
  readonly verdict: Verdict;
  readonly rationale: string;
  readonly evidence: readonly Evidence[];
  readonly anchors: readonly Anchor[];
  readonly version: number;
};

/** A signed-in user acting on a claim. */
export type Actor = {
  readonly id: string;
  readonly role: Role;
};

/**
 * The application itself, acting without a user: it reports anchor changes found while saving a
 * new revision of an article's text. It may do nothing else.
 */
export type SystemActor = {
  readonly id: 'system';
  readonly role: 'SYSTEM';
};

/** Whoever sends an event: a user or the system. */
export type ReviewActor = Actor | SystemActor;

/** The one system actor. Audit records written for it carry the actor id `'system'`. */
export const SYSTEM_ACTOR: SystemActor = Object.freeze({ id: 'system', role: 'SYSTEM' });

/** True when the actor is the system rather than a user. */
export function isSystemActor(actor: ReviewActor): actor is SystemActor {
  return actor.role === 'SYSTEM';
}

/**
 * The fields of a claim an edit may change. Anchors are not among them: they move with the text
 * and are reported by the system through the `anchorChanged` event.
 */
export type ClaimPatch = {
  readonly text?: string;
  readonly claimant?: string | null;
  readonly verdict?: Verdict;
  readonly rationale?: string;
  readonly evidence?: readonly Evidence[];
};

/** Every action of the workflow: each is an event for `transition`. */
export const REVIEW_ACTIONS = [
  'submit',
  'approve',
  'requestChanges',
  'reopen',
  'edit',
  'delete',
  'anchorChanged',
  'linkSpan',
  'removeSpan',
  'reattachSpan',
  'sourceChanged',
  'comment',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Human-readable verbs for messages, e.g. "Cannot approve: …". */
export const REVIEW_ACTION_VERBS: Record<ReviewAction, string> = {
  submit: 'submit',
  approve: 'approve',
  requestChanges: 'request changes on',
  reopen: 'reopen',
  edit: 'edit',
  delete: 'delete',
  anchorChanged: 'report an anchor change on',
  linkSpan: 'link a passage to',
  removeSpan: 'remove a passage from',
  reattachSpan: 're-attach a passage of',
  sourceChanged: 'change the source of',
  comment: 'comment on',
};
