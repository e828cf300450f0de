/**
 * The claim review reducer: `transition(claim, event)` returns either the next claim with the
 * audit record (and review decision) to write, or the failure that refuses the event. It is pure:
 * the input claim is never mutated and nothing is read from outside. It is the one rulebook for
 * every change to a claim; the server applies its answers in one place (server/claim-events.ts).
 *
 * Rules (documented in the README's workflow section):
 * - Editing a SUBMITTED claim is allowed (author or ADMIN). It stays SUBMITTED, but it must stay
 *   complete (verdict other than UNVERIFIED, non-blank rationale, evidence for a definitive
 *   verdict). Editing a DRAFT or CHANGES_REQUESTED claim keeps its state; it may be incomplete.
 *   Editing an APPROVED claim is refused (403, "approved claims are locked": reopen it first).
 * - Every change of content or spans by a user adds them to `changedBy`, so they cannot approve
 *   it until the next approval (four-eyes rule); approving empties it. Submitting, reviewing and
 *   reopening change no content and add nobody.
 * - A change that changes nothing (an identical save, a re-attach to the same place, linking a
 *   passage already linked) is refused (`validation`, field `changes`) and never counted.
 * - Span changes (link, remove, re-attach, a revision moving or changing a quote) are allowed in
 *   every state. On an APPROVED claim they void the approval (back to SUBMITTED with a note
 *   saying why) when a user made them, since the exports publish each span's place and the
 *   words around it; a text revision's re-anchoring voids it only when it changes the words the
 *   approval holds for (the approval snapshot) or orphans a span.
 * - A change of an article's source details (`APPROVED_ARTICLE_FIELDS`) sends each APPROVED claim
 *   placed in it back to SUBMITTED with a note naming the change (`sourceChanged`); a SUBMITTED
 *   one stays in review with the same note and a new version, so an approval sent with the
 *   version loaded before the change is refused (409) and the reviewer sees the new details.
 * - Submitting and approving need every span placed (none orphaned) and at least one; approving
 *   a span that is fuzzy or changed since submission needs `confirmChangedText`.
 * - Deleting an APPROVED claim is for an ADMIN with a reason.
 * - Every success increments `version` by one.
 */

import {
  APPROVED_ARTICLE_FIELDS,
  approvalRecord,
  approvalSnapshot,
  claimApprovalHash,
  type SourceChange,
} from './approval-snapshot';
import type {
  AnchorChangedEvent,
  ApproveEvent,
  CommentEvent,
  DeleteEvent,
  EditEvent,
  LinkSpanEvent,
  ReattachSpanEvent,
  RemoveSpanEvent,
  ReopenEvent,
  RequestChangesEvent,
  ReviewEvent,
  SourceChangedEvent,
  SubmitEvent,
} from './events';
import { ReviewInvariantError, assertNever } from './invariants';
import {
  AUDIT_ACTIONS,
  validationFailure,
  type ClaimChange,
  type ReviewDecision,
  type ReviewDecisionKind,
  type TransitionResult,
  type TransitionSuccess,
  type ValidationField,
} from './results';
import { canRemoveSpan } from './permissions';
import { forbidden } from './results';
import { checkAction } from './state-machine';
import {
  isSystemActor,
  type Anchor,
  type ClaimForReview,
  type Evidence,
  type ReviewActor,
} from './types';
import {
  areValidAnchors,
  changedSpans,
  spanProblem,
  describeMissing,
  invalidPatchFields,
  missingForSubmission,
  normaliseText,
} from './validation';

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'submit',
  'approve',
  'requestChanges',
  'reopen',
  'edit',
  'anchorChanged',
  'linkSpan',
  'removeSpan',
  'reattachSpan',
  'sourceChanged',
  'delete',
  'comment',
]);

/**
 * Applies an event to a claim. Returns `{ ok: true, next, audit, decision, note }` or a failure
 * (`forbidden` 403, `invalid_transition` 409 with the current state, `validation` 400 with the
 * offending fields). Throws `ReviewInvariantError` only on malformed input (unknown event type,
 * review state or role).
 */
export function transition(claim: ClaimForReview, event: ReviewEvent): TransitionResult {
  if (typeof event !== 'object' || event === null || !EVENT_TYPES.has(event.type)) {
    throw new ReviewInvariantError(`unknown review event ${JSON.stringify(event)}`);
  }
  const check = checkAction(event.type, claim, event.actor);
  if (!check.ok) return check;
  switch (event.type) {
    case 'submit':
      return applySubmit(claim, event);
    case 'approve':
      return applyApprove(claim, event);
    case 'requestChanges':
      return applyDecision(claim, event, 'REQUEST_CHANGES', event.comment, 'comment');
    case 'reopen':
      return applyDecision(claim, event, 'REOPEN', event.reason, 'reason');
    case 'edit':
      return applyEdit(claim, event);
    case 'anchorChanged':
      return applyAnchorChanged(claim, event);
    case 'linkSpan':
      return applyLinkSpan(claim, event);
    case 'removeSpan':
      return applyRemoveSpan(claim, event);
    case 'reattachSpan':
      return applyReattachSpan(claim, event);
    case 'sourceChanged':
      return applySourceChanged(claim, event);
    case 'delete':
      return applyDelete(claim, event);
    case 'comment':
      return applyComment(claim, event);
    default:
      return assertNever(event, 'review event');
  }
}

function copyEvidence(list: readonly Evidence[]): Evidence[] {
  return list.map((e) => ({ url: e.url, title: e.title, quote: e.quote }));
}

function copyAnchors(list: readonly Anchor[]): Anchor[] {
  return list.map((a) => ({ ...a }));
}

/** The anchors as the audit log and the comparisons see them (no server bookkeeping). */
function plainAnchors(list: readonly Anchor[]): Anchor[] {
  return list.map((a) => ({
    ...(a.id !== undefined ? { id: a.id } : {}),
    ...(a.articleId !== undefined ? { articleId: a.articleId } : {}),
    revisionId: a.revisionId,
    start: a.start,
    end: a.end,
    exact: a.exact,
  }));
}

/** The next claim: the old one with the changes applied, fresh arrays, version + 1. */
function nextClaim(claim: ClaimForReview, after: ClaimChange): ClaimForReview {
  return {
    ...claim,
    ...after,
    evidence: copyEvidence(after.evidence ?? claim.evidence),
    anchors: copyAnchors(after.anchors ?? claim.anchors),
    changedBy: [...(after.changedBy ?? claim.changedBy)],
    version: claim.version + 1,
  };
}

function success(
  claim: ClaimForReview,
  event: ReviewEvent,
  before: ClaimChange,
  after: ClaimChange,
  extra: { note?: string | null; auditNote?: string | null; decision?: ReviewDecision | null },
): TransitionSuccess {
  return {
    ok: true,
    action: event.type,
    next: nextClaim(claim, after),
    audit: {
      action: AUDIT_ACTIONS[event.type],
      claimId: claim.id,
      actorId: event.actor.id,
      before,
      after,
      note: extra.auditNote ?? null,
    },
    decision: extra.decision ?? null,
    note: extra.note ?? null,
  };
}

function stateChange(
  claim: ClaimForReview,
  to: ClaimForReview['reviewState'],
): { before: ClaimChange; after: ClaimChange } {
  return { before: { reviewState: claim.reviewState }, after: { reviewState: to } };
}

function decision(
  claim: ClaimForReview,
  actor: ReviewActor,
  kind: ReviewDecisionKind,
  comment: string | null,
  approved: boolean,
): ReviewDecision {
  return {
    claimId: claim.id,
    reviewerId: actor.id,
    decision: kind,
    comment,
    snapshotHash: approved ? claimApprovalHash(claim) : null,
    record: approved ? approvalRecord(claim) : null,
  };
}

/** `changedBy` with the actor added (a user changed content or spans), as a before/after pair. */
function countChange(
  claim: ClaimForReview,
  actor: ReviewActor,
  before: ClaimChange,
  after: ClaimChange,
) {
  if (isSystemActor(actor)) return;
  if (!claim.changedBy.includes(actor.id)) {
    before.changedBy = [...claim.changedBy];
    after.changedBy = [...claim.changedBy, actor.id];
  }
  if (claim.lastEditedById !== actor.id) {
    before.lastEditedById = claim.lastEditedById;
    after.lastEditedById = actor.id;
  }
}

function applySubmit(claim: ClaimForReview, event: SubmitEvent): TransitionResult {
  const missing = missingForSubmission(claim);
  if (missing.length > 0) {
    return validationFailure(
      'submit',
      missing,
      `Cannot submit this claim: ${describeMissing(missing)}.`,
    );
  }
  const problem = spanProblem(claim);
  if (problem)
    return validationFailure('submit', ['spans'], `Cannot submit this claim: ${problem}.`);
  const { before, after } = stateChange(claim, 'SUBMITTED');
  return success(claim, event, before, after, {});
}

function applyApprove(claim: ClaimForReview, event: ApproveEvent): TransitionResult {
  const missing = missingForSubmission(claim);
  if (missing.length > 0) {
    return validationFailure(
      'approve',
      missing,
      `Cannot approve this claim: ${describeMissing(missing)}.`,
    );
  }
  if (event.comment !== null && event.comment !== undefined && typeof event.comment !== 'string') {
    return validationFailure('approve', ['comment'], 'Cannot approve: the comment must be text.');
  }
  const problem = spanProblem(claim);
  if (problem) {
    return validationFailure('approve', ['spans'], `Cannot approve this claim: ${problem}.`);
  }
  const changes = changedSpans(claim);
  if (changes.length > 0 && event.confirmChangedText !== true) {
    return {
      ok: false,
      code: 'needs_confirmation',
      action: 'approve',
      changes,
      message:
        `The passage changed since it was submitted (${changes.map((c) => c.words).join('; ')}): ` +
        'confirm that the verdict still holds for the text as it reads now.',
    };
  }
  const comment = normaliseText(event.comment);
  const { before, after } = stateChange(claim, 'APPROVED');
  if (claim.changedBy.length > 0) {
    before.changedBy = [...claim.changedBy];
    after.changedBy = [];
  }
  return success(claim, event, before, after, {
    auditNote: comment,
    decision: decision(claim, event.actor, 'APPROVE', comment, true),
  });
}

/** requestChanges (SUBMITTED -> CHANGES_REQUESTED) and reopen (APPROVED -> CHANGES_REQUESTED). */
function applyDecision(
  claim: ClaimForReview,
  event: RequestChangesEvent | ReopenEvent,
  kind: 'REQUEST_CHANGES' | 'REOPEN',
  text: string,
  field: 'comment' | 'reason',
): TransitionResult {
  const comment = normaliseText(text);
  if (comment === null) {
    const message =
      kind === 'REQUEST_CHANGES'
        ? 'Cannot request changes: a comment saying what to change is required.'
        : 'Cannot reopen this claim: a reason is required.';
    return validationFailure(event.type, [field], message);
  }
  const { before, after } = stateChange(claim, 'CHANGES_REQUESTED');
  return success(claim, event, before, after, {
    auditNote: comment,
    decision: decision(claim, event.actor, kind, comment, false),
  });
}

function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  return JSON.stringify(copyEvidence(a)) === JSON.stringify(copyEvidence(b));
}

function sameAnchors(a: readonly Anchor[], b: readonly Anchor[]): boolean {
  const key = (list: readonly Anchor[]) =>
    JSON.stringify(list.map((x) => [x.revisionId, x.start, x.end, x.exact, x.state ?? 'EXACT']));
  return key(a) === key(b);
}

/** Same spans in the same places (article, revision, offsets), whatever their order. */
function samePlaces(a: readonly Anchor[], b: readonly Anchor[]): boolean {
  const key = (list: readonly Anchor[]) =>
    list
      .map((x) => JSON.stringify([x.articleId ?? null, x.revisionId, x.start, x.end]))
      .sort()
      .join('\n');
  return key(a) === key(b);
}

function applyEdit(claim: ClaimForReview, event: EditEvent): TransitionResult {
  const patch = event.patch ?? {};
  const invalid = invalidPatchFields(patch);
  if (invalid.length > 0) {
    return validationFailure(
      'edit',
      invalid,
      `Cannot edit this claim: invalid ${invalid.join(', ')}.`,
    );
  }
  const before: ClaimChange = {};
  const after: ClaimChange = {};
  if (patch.text !== undefined && patch.text !== claim.text) {
    before.text = claim.text;
    after.text = patch.text;
  }
  if (patch.claimant !== undefined && patch.claimant !== claim.claimant) {
    before.claimant = claim.claimant;
    after.claimant = patch.claimant;
  }
  if (patch.verdict !== undefined && patch.verdict !== claim.verdict) {
    before.verdict = claim.verdict;
    after.verdict = patch.verdict;
  }
  if (patch.rationale !== undefined && patch.rationale !== claim.rationale) {
    before.rationale = claim.rationale;
    after.rationale = patch.rationale;
  }
  if (patch.evidence !== undefined && !sameEvidence(patch.evidence, claim.evidence)) {
    before.evidence = copyEvidence(claim.evidence);
    after.evidence = copyEvidence(patch.evidence);
  }
  if (Object.keys(after).length === 0) {
    return validationFailure(
      'edit',
      ['changes'],
      'Cannot edit this claim: the edit changes nothing.',
    );
  }
  if (claim.reviewState === 'SUBMITTED') {
    const missing = missingForSubmission({ ...claim, ...after });
    if (missing.length > 0) {
      return validationFailure(
        'edit',
        missing,
        `Cannot edit this claim: it is submitted, and the edit would leave it ${describeMissing(missing)}.`,
      );
    }
  }
  countChange(claim, event.actor, before, after);
  return success(claim, event, before, after, {});
}

function applyAnchorChanged(claim: ClaimForReview, event: AnchorChangedEvent): TransitionResult {
  const fields: ValidationField[] = [];
  const reason = normaliseText(event.reason);
  if (reason === null) fields.push('reason');
  if (!areValidAnchors(event.anchors)) fields.push('anchors');
  if (fields.length > 0) {
    return validationFailure(
      'anchorChanged',
      fields,
      `Cannot report an anchor change: missing or invalid ${fields.join(' and ')}.`,
    );
  }
  return applySpanChange(claim, event, event.anchors, reason!);
}

function applyLinkSpan(claim: ClaimForReview, event: LinkSpanEvent): TransitionResult {
  if (!areValidAnchors([event.anchor])) {
    return validationFailure('linkSpan', ['anchors'], 'Cannot link this passage: it is invalid.');
  }
  const same = claim.anchors.some(
    (a) =>
      a.revisionId === event.anchor.revisionId &&
      a.start === event.anchor.start &&
      a.end === event.anchor.end,
  );
  if (same) {
    return validationFailure(
      'linkSpan',
      ['changes'],
      'Cannot link this passage: it is already linked to this claim.',
    );
  }
  return applySpanChange(
    claim,
    event,
    [...claim.anchors, event.anchor],
    `a passage was linked: “${event.anchor.exact}”`,
  );
}

function applyRemoveSpan(claim: ClaimForReview, event: RemoveSpanEvent): TransitionResult {
  const span = claim.anchors.find((a) => a.id === event.anchorId);
  if (!span) {
    return validationFailure('removeSpan', ['anchors'], 'This passage is not one of the claim’s.');
  }
  const permission = canRemoveSpan(event.actor, claim, span.createdById ?? null);
  if (!permission.allowed) return forbidden('removeSpan', permission.rule, permission.reason);
  return applySpanChange(
    claim,
    event,
    claim.anchors.filter((a) => a.id !== event.anchorId),
    `a passage was removed: “${span.exact}”`,
  );
}

function applyReattachSpan(claim: ClaimForReview, event: ReattachSpanEvent): TransitionResult {
  const span = claim.anchors.find((a) => a.id === event.anchorId);
  if (!span) {
    return validationFailure(
      'reattachSpan',
      ['anchors'],
      'This passage is not one of the claim’s.',
    );
  }
  if (!areValidAnchors([event.anchor])) {
    return validationFailure(
      'reattachSpan',
      ['anchors'],
      'Cannot re-attach: the place is invalid.',
    );
  }
  const next = { ...span, ...event.anchor, id: span.id, state: 'EXACT' as const };
  if (
    span.state !== 'ORPHANED' &&
    span.revisionId === next.revisionId &&
    span.start === next.start &&
    span.end === next.end
  ) {
    return validationFailure(
      'reattachSpan',
      ['changes'],
      'Cannot re-attach this passage: it is already there.',
    );
  }
  const reason =
    span.exact === next.exact
      ? `a passage was re-attached: “${next.exact}”`
      : `a passage was re-attached: “${span.exact}” → “${next.exact}”`;
  return applySpanChange(
    claim,
    event,
    claim.anchors.map((a) => (a.id === span.id ? next : a)),
    reason,
  );
}

/**
 * Any change of the claim's spans: refused when nothing changes; counted for the four-eyes
 * rule; on an APPROVED claim whose approval snapshot it changes, back to SUBMITTED with `reason`
 * as the visible note.
 */
function applySpanChange(
  claim: ClaimForReview,
  event: AnchorChangedEvent | LinkSpanEvent | RemoveSpanEvent | ReattachSpanEvent,
  anchors: readonly Anchor[],
  reason: string,
): TransitionResult {
  if (sameAnchors(anchors, claim.anchors)) {
    return validationFailure(
      event.type,
      ['changes'],
      'Cannot change the claim’s passages: nothing would change.',
    );
  }
  const before: ClaimChange = { anchors: plainAnchors(claim.anchors) };
  const after: ClaimChange = { anchors: copyAnchors(anchors) };
  const changesWords = approvalSnapshot(claim) !== approvalSnapshot({ ...claim, anchors });
  // An approval holds for the words it saw, on passages that are in the article: a passage a
  // revision orphaned keeps its old quote, but the verdict no longer stands on anything there.
  const orphans = anchors.some((a) => a.state === 'ORPHANED');
  // A user who links, removes or re-attaches a span chooses where the verdict is published: the
  // exports show each span's place and the words around it (the annotated HTML, the W3C
  // selectors), so a span moved onto the same words elsewhere is still not what the reviewer
  // approved. Only a text revision moves spans without a choice: the words are compared then.
  const userMovesSpans = event.type !== 'anchorChanged' && !samePlaces(claim.anchors, anchors);
  const voidsApproval =
    claim.reviewState === 'APPROVED' && (orphans || changesWords || userMovesSpans);
  if (voidsApproval) {
    before.reviewState = claim.reviewState;
    after.reviewState = 'SUBMITTED';
  }
  // A revision that only moves a span (same words) changes nothing anyone reviewed: it is
  // recorded but not counted against the four-eyes rule.
  if (changesWords || event.type !== 'anchorChanged')
    countChange(claim, event.actor, before, after);
  const note = voidsApproval ? `Back to review: ${reason}.` : null;
  return success(claim, event, before, after, { auditNote: note ?? reason, note });
}

const SOURCE_FIELD_WORDS: Record<SourceChange['field'], string> = {
  sourceUrl: 'source address',
  sourceName: 'source name',
  publishedAt: 'publication date',
};

function quoted(value: string | null): string {
  return value === null ? 'none' : `“${value}”`;
}

/**
 * An article the claim is placed in got new source details: the approved claim goes back to
 * SUBMITTED with a note naming each change, counted for the four-eyes rule (the approval state
 * guard refuses the event for other states: nothing approved to withdraw).
 */
function applySourceChanged(claim: ClaimForReview, event: SourceChangedEvent): TransitionResult {
  // Events may be built from outside input: check the shape, as the other events do.
  const changes: readonly SourceChange[] = Array.isArray(event.changes) ? event.changes : [];
  const valid =
    changes.length > 0 &&
    changes.every(
      (c) =>
        (APPROVED_ARTICLE_FIELDS as readonly string[]).includes(c.field) && c.before !== c.after,
    );
  if (!valid) {
    return validationFailure(
      'sourceChanged',
      ['changes'],
      'Cannot report a source change: no source address, source name or date changed.',
    );
  }
  if (!claim.anchors.some((a) => a.articleId === event.articleId)) {
    return validationFailure(
      'sourceChanged',
      ['anchors'],
      'Cannot report a source change: the claim has no passage in this article.',
    );
  }
  const reason = changes
    .map(
      (c) =>
        `the article’s ${SOURCE_FIELD_WORDS[c.field]} changed (${quoted(c.before)} → ${quoted(c.after)})`,
    )
    .join('; ');
  const approved = claim.reviewState === 'APPROVED';
  const { before, after } = approved ? stateChange(claim, 'SUBMITTED') : { before: {}, after: {} };
  countChange(claim, event.actor, before, after);
  const note = approved ? `Back to review: ${reason}.` : `Still in review: ${reason}.`;
  return success(claim, event, before, after, { auditNote: note, note });
}

/**
 * A post to the discussion: audited with its words, but the claim (content, state, version,
 * `changedBy`) stays as it is.
 */
function applyComment(claim: ClaimForReview, event: CommentEvent): TransitionResult {
  const body = normaliseText(event.body);
  if (body === null) {
    return validationFailure(
      'comment',
      ['comment'],
      'Cannot post an empty comment: write something.',
    );
  }
  const result = success(claim, event, {}, {}, { auditNote: body });
  return { ...result, next: { ...result.next, version: claim.version } };
}

function applyDelete(claim: ClaimForReview, event: DeleteEvent): TransitionResult {
  const reason = normaliseText(event.reason);
  if (claim.reviewState === 'APPROVED' && reason === null) {
    return validationFailure(
      'delete',
      ['reason'],
      'Cannot delete an approved claim without a reason: say why it is withdrawn.',
    );
  }
  const before: ClaimChange = {
    reviewState: claim.reviewState,
    text: claim.text,
    claimant: claim.claimant,
    verdict: claim.verdict,
    rationale: claim.rationale,
    evidence: copyEvidence(claim.evidence),
    anchors: plainAnchors(claim.anchors),
  };
  return success(claim, event, before, {}, { auditNote: reason });
}
