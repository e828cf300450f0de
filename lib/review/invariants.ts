/**
 * Guards for broken invariants: data that can only be wrong through a programming or storage
 * error (an unknown review state, a missing id, a duplicated claim in a batch). Unlike the
 * workflow's expected failures these throw, because no user action can fix them.
 */

import { REVIEW_STATES, ROLES } from '../domain';
import type { ClaimForReview, ReviewActor } from './types';

/** Thrown when the workflow is handed data that breaks its invariants. */
export class ReviewInvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewInvariantError';
  }
}

function fail(message: string): never {
  throw new ReviewInvariantError(message);
}

/** Throws unless the claim has ids, a known review state and a non-negative integer version. */
export function assertClaim(claim: ClaimForReview): void {
  if (typeof claim !== 'object' || claim === null) fail('claim must be an object');
  if (typeof claim.id !== 'string' || claim.id === '') fail('claim.id must be a non-empty string');
  if (typeof claim.authorId !== 'string' || claim.authorId === '') {
    fail(`claim ${claim.id}: authorId must be a non-empty string`);
  }
  if (claim.lastEditedById !== null && typeof claim.lastEditedById !== 'string') {
    fail(`claim ${claim.id}: lastEditedById must be a string or null`);
  }
  if (!(REVIEW_STATES as readonly string[]).includes(claim.reviewState)) {
    fail(`claim ${claim.id}: unknown review state ${String(claim.reviewState)}`);
  }
  if (!Number.isInteger(claim.version) || claim.version < 0) {
    fail(`claim ${claim.id}: version must be a non-negative integer`);
  }
  if (!Array.isArray(claim.evidence) || !Array.isArray(claim.anchors)) {
    fail(`claim ${claim.id}: evidence and anchors must be arrays`);
  }
}

/** Throws unless the actor is the system or a user with an id and a known role. */
export function assertActor(actor: ReviewActor): void {
  if (typeof actor !== 'object' || actor === null) fail('actor must be an object');
  if (actor.role === 'SYSTEM') {
    const id: unknown = actor.id;
    if (id !== 'system') fail(`system actor must have id "system", got ${String(id)}`);
    return;
  }
  if (typeof actor.id !== 'string' || actor.id === '') fail('actor.id must be a non-empty string');
  if (!(ROLES as readonly string[]).includes(actor.role)) {
    fail(`actor ${actor.id}: unknown role ${String(actor.role)}`);
  }
}

/** Throws when the value is not `never`: the exhaustiveness check of switches over unions. */
export function assertNever(value: never, what: string): never {
  return fail(`unexpected ${what}: ${JSON.stringify(value)}`);
}
