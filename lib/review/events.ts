/**
 * The events of the claim review workflow and their creators. An event says who wants what; it
 * is applied to a claim by `transition(claim, event)`, which decides whether it is allowed.
 * Creators only build the value: they neither validate nor trim (the transition does, so that
 * events built elsewhere, e.g. decoded from a request, get the same checks).
 */

import type { SourceChange } from './approval-snapshot';
import {
  SYSTEM_ACTOR,
  type Anchor,
  type ClaimPatch,
  type Evidence,
  type ReviewActor,
} from './types';

/** The author (or an ADMIN) sends the claim for review. */
export type SubmitEvent = { readonly type: 'submit'; readonly actor: ReviewActor };

/**
 * A reviewer approves a submitted claim, optionally with a comment. `confirmChangedText` says
 * the reviewer saw that a span is fuzzy or changed since submission and approves anyway.
 */
export type ApproveEvent = {
  readonly type: 'approve';
  readonly actor: ReviewActor;
  readonly comment: string | null;
  readonly confirmChangedText?: boolean;
};

/** A reviewer sends a submitted claim back to its author; the comment is required. */
export type RequestChangesEvent = {
  readonly type: 'requestChanges';
  readonly actor: ReviewActor;
  readonly comment: string;
};

/** A reviewer withdraws an approval, starting a new review cycle; the reason is required. */
export type ReopenEvent = {
  readonly type: 'reopen';
  readonly actor: ReviewActor;
  readonly reason: string;
};

/** The author (or an ADMIN) changes the claim's text, claimant, verdict, rationale or evidence. */
export type EditEvent = {
  readonly type: 'edit';
  readonly actor: ReviewActor;
  readonly patch: ClaimPatch;
};

/**
 * A new text revision moved or changed the claim's anchored text. `anchors` are the claim's
 * anchors in the new revision; `reason` says what happened and becomes the note shown to the
 * user when an approval is voided. The actor is whoever saved the revision (or the system).
 */
export type AnchorChangedEvent = {
  readonly type: 'anchorChanged';
  readonly actor: ReviewActor;
  readonly anchors: readonly Anchor[];
  readonly reason: string;
};

/** Someone links another passage (in this or another article) to the claim. */
export type LinkSpanEvent = {
  readonly type: 'linkSpan';
  readonly actor: ReviewActor;
  readonly anchor: Anchor;
};

/** Someone removes one of the claim's passages (`anchorId` is the annotation's id). */
export type RemoveSpanEvent = {
  readonly type: 'removeSpan';
  readonly actor: ReviewActor;
  readonly anchorId: string;
};

/** Someone re-attaches one of the claim's passages to a place they chose. */
export type ReattachSpanEvent = {
  readonly type: 'reattachSpan';
  readonly actor: ReviewActor;
  readonly anchorId: string;
  readonly anchor: Anchor;
};

/**
 * Someone changed source details (`APPROVED_ARTICLE_FIELDS`) of an article the claim has a
 * passage in: an approval of the claim no longer holds for what the exports publish.
 */
export type SourceChangedEvent = {
  readonly type: 'sourceChanged';
  readonly actor: ReviewActor;
  readonly articleId: string;
  readonly changes: readonly SourceChange[];
};

/** The author (or an ADMIN) deletes the claim; deleting an approved one needs a reason. */
export type DeleteEvent = {
  readonly type: 'delete';
  readonly actor: ReviewActor;
  readonly reason: string | null;
};

/** Anyone signed in posts to the claim's discussion (the body must not be blank). */
export type CommentEvent = {
  readonly type: 'comment';
  readonly actor: ReviewActor;
  readonly body: string;
};

/** Any event `transition` accepts. */
export type ReviewEvent =
  | SubmitEvent
  | ApproveEvent
  | RequestChangesEvent
  | ReopenEvent
  | EditEvent
  | AnchorChangedEvent
  | LinkSpanEvent
  | RemoveSpanEvent
  | ReattachSpanEvent
  | SourceChangedEvent
  | DeleteEvent
  | CommentEvent;

export type ReviewEventType = ReviewEvent['type'];

/** Creates a `comment` event. */
export function comment(actor: ReviewActor, body: string): CommentEvent {
  return { type: 'comment', actor, body };
}

/** Creates a `submit` event. */
export function submit(actor: ReviewActor): SubmitEvent {
  return { type: 'submit', actor };
}

/** Creates an `approve` event; the comment is optional. */
export function approve(
  actor: ReviewActor,
  comment: string | null = null,
  { confirmChangedText = false }: { confirmChangedText?: boolean } = {},
): ApproveEvent {
  return { type: 'approve', actor, comment, confirmChangedText };
}

/** Creates a `requestChanges` event; the comment must not be blank. */
export function requestChanges(actor: ReviewActor, comment: string): RequestChangesEvent {
  return { type: 'requestChanges', actor, comment };
}

/** Creates a `reopen` event; the reason must not be blank. */
export function reopen(actor: ReviewActor, reason: string): ReopenEvent {
  return { type: 'reopen', actor, reason };
}

/** Creates an `edit` event changing some of verdict, rationale and evidence. */
export function edit(actor: ReviewActor, patch: ClaimPatch): EditEvent {
  return {
    type: 'edit',
    actor,
    patch: {
      ...patch,
      ...(patch.evidence ? { evidence: patch.evidence.map(copyEvidence) } : {}),
    },
  };
}

/**
 * Creates an `anchorChanged` event. The actor defaults to (and should be) the system; the
 * parameter exists so that a wrongly attributed event can be represented and refused.
 */
export function anchorChanged(
  anchors: readonly Anchor[],
  reason: string,
  actor: ReviewActor = SYSTEM_ACTOR,
): AnchorChangedEvent {
  return { type: 'anchorChanged', actor, anchors: anchors.map((a) => ({ ...a })), reason };
}

/** Creates a `linkSpan` event. */
export function linkSpan(actor: ReviewActor, anchor: Anchor): LinkSpanEvent {
  return { type: 'linkSpan', actor, anchor: { ...anchor } };
}

/** Creates a `removeSpan` event. */
export function removeSpan(actor: ReviewActor, anchorId: string): RemoveSpanEvent {
  return { type: 'removeSpan', actor, anchorId };
}

/** Creates a `reattachSpan` event. */
export function reattachSpan(
  actor: ReviewActor,
  anchorId: string,
  anchor: Anchor,
): ReattachSpanEvent {
  return { type: 'reattachSpan', actor, anchorId, anchor: { ...anchor } };
}

/** Creates a `sourceChanged` event. */
export function sourceChanged(
  actor: ReviewActor,
  articleId: string,
  changes: readonly SourceChange[],
): SourceChangedEvent {
  return { type: 'sourceChanged', actor, articleId, changes: changes.map((c) => ({ ...c })) };
}

/** Creates a `delete` event; `reason` is required only for an approved claim. */
export function deleteClaim(actor: ReviewActor, reason: string | null = null): DeleteEvent {
  return { type: 'delete', actor, reason };
}

function copyEvidence(e: Evidence): Evidence {
  return { url: e.url, title: e.title, quote: e.quote };
}
