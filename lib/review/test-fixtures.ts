/**
 * Shared test data for the review module's tests: a complete claim and the actors of the
 * permission matrix. Test-only; nothing outside `*.test.ts` imports it.
 */

import type { Role } from '../domain';
import type { Actor, Anchor, ClaimForReview, ReviewActor } from './types';
import { SYSTEM_ACTOR } from './types';

export const AUTHOR_ID = 'u-author';
export const OTHER_ID = 'u-other';

/** The claim's anchors as created in revision r-1. */
export const ANCHORS: readonly Anchor[] = [
  { revisionId: 'r-1', start: 120, end: 142, exact: 'unemployment fell to 3%' },
  { revisionId: 'r-1', start: 300, end: 311, exact: 'record low' },
];

/** The same anchors after an insertion of five characters before them (revision r-2). */
export const MOVED_ANCHORS: readonly Anchor[] = [
  { revisionId: 'r-2', start: 125, end: 147, exact: 'unemployment fell to 3%' },
  { revisionId: 'r-2', start: 305, end: 316, exact: 'record low' },
];

/** A complete claim (submittable), written and last edited by AUTHOR_ID, in DRAFT. */
export function makeClaim(overrides: Partial<ClaimForReview> = {}): ClaimForReview {
  const lastEditedById =
    overrides.lastEditedById !== undefined ? overrides.lastEditedById : AUTHOR_ID;
  return {
    id: 'c-1',
    authorId: AUTHOR_ID,
    lastEditedById,
    // Whoever last edited it changed it since the last approval (unless the test says otherwise).
    changedBy: lastEditedById === null ? [] : [lastEditedById],
    text: 'Unemployment fell to 3%, a record low.',
    claimant: 'The minister',
    reviewState: 'DRAFT',
    verdict: 'MISLEADING',
    rationale: 'The rate fell to 3.4%, and it was lower in 1969.',
    evidence: [
      { url: 'https://stats.example/unemployment', title: 'Labour statistics', quote: '3.4%' },
      { url: 'https://archive.example/1969', title: null, quote: null },
    ],
    anchors: ANCHORS.map((a) => ({ ...a })),
    version: 7,
    ...overrides,
  };
}

/** A user with the given role and id. */
export function user(role: Role, id: string): Actor {
  return { id, role };
}

/** The actor columns of the permission matrix. */
export const MATRIX_ACTORS = {
  editorAuthor: user('EDITOR', AUTHOR_ID),
  editorOther: user('EDITOR', OTHER_ID),
  reviewerAuthor: user('REVIEWER', AUTHOR_ID),
  reviewerOther: user('REVIEWER', OTHER_ID),
  adminAuthor: user('ADMIN', AUTHOR_ID),
  adminOther: user('ADMIN', OTHER_ID),
  system: SYSTEM_ACTOR,
} as const satisfies Record<string, ReviewActor>;

export type MatrixActorName = keyof typeof MATRIX_ACTORS;

/** Freezes a value and everything reachable from it, to prove functions do not mutate input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
