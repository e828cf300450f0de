/**
 * The expected outcome of every (state, action, actor) triple, written out by hand — not
 * computed by the code under test. Read by `review-matrix.test.ts`.
 *
 * The claim is complete (verdict and rationale set), written and last edited by the "author"
 * users; the "other" users are someone else. The inputs are valid (non-blank comment and reason,
 * an edit that changes the rationale, anchors that moved by five characters), so every failure
 * below is about who acts or about the state, never about input.
 *
 * Columns: EA/EO = EDITOR author/other, RA/RO = REVIEWER author/other, AA/AO = ADMIN
 * author/other, then the system actor.
 *
 * Outcomes: a review state = succeeds and the claim ends in that state; DEL = delete allowed;
 * F = `forbidden` (403); X = `invalid_transition` (409, carrying the current state).
 */

import type { ReviewState } from '../domain';
import type { MatrixActorName } from './test-fixtures';
import type { ReviewAction } from './types';

export type MatrixOutcome = ReviewState | 'deleted' | 'forbidden' | 'invalid_transition';

/** Outcomes per actor, in the order of `MATRIX_COLUMNS`. */
export type MatrixOutcomes = readonly [
  MatrixOutcome,
  MatrixOutcome,
  MatrixOutcome,
  MatrixOutcome,
  MatrixOutcome,
  MatrixOutcome,
  MatrixOutcome,
];

export type MatrixRow = readonly [
  state: ReviewState,
  action: ReviewAction,
  outcomes: MatrixOutcomes,
];

/** The column order of the outcome tuples. */
export const MATRIX_COLUMNS: readonly MatrixActorName[] = [
  'editorAuthor',
  'editorOther',
  'reviewerAuthor',
  'reviewerOther',
  'adminAuthor',
  'adminOther',
  'system',
];

const D = 'DRAFT';
const S = 'SUBMITTED';
const C = 'CHANGES_REQUESTED';
const A = 'APPROVED';
const DEL = 'deleted';
const F = 'forbidden';
const X = 'invalid_transition';

// prettier-ignore
export const MATRIX_CASES: readonly MatrixRow[] = [
  //                      EA    EO    RA    RO    AA    AO    system
  // submit: the author or an ADMIN; from DRAFT or CHANGES_REQUESTED.
  [D, 'submit',          [S,    F,    S,    F,    S,    S,    F]],
  [S, 'submit',          [X,    F,    X,    F,    X,    X,    F]],
  [C, 'submit',          [S,    F,    S,    F,    S,    S,    F]],
  [A, 'submit',          [X,    F,    X,    F,    X,    X,    F]],
  // approve: REVIEWER/ADMIN, never the author or last editor (four eyes); from SUBMITTED.
  [D, 'approve',         [F,    F,    F,    X,    F,    X,    F]],
  [S, 'approve',         [F,    F,    F,    A,    F,    A,    F]],
  [C, 'approve',         [F,    F,    F,    X,    F,    X,    F]],
  [A, 'approve',         [F,    F,    F,    X,    F,    X,    F]],
  // requestChanges: any REVIEWER/ADMIN; from SUBMITTED.
  [D, 'requestChanges',  [F,    F,    X,    X,    X,    X,    F]],
  [S, 'requestChanges',  [F,    F,    C,    C,    C,    C,    F]],
  [C, 'requestChanges',  [F,    F,    X,    X,    X,    X,    F]],
  [A, 'requestChanges',  [F,    F,    X,    X,    X,    X,    F]],
  // reopen: any REVIEWER/ADMIN; from APPROVED.
  [D, 'reopen',          [F,    F,    X,    X,    X,    X,    F]],
  [S, 'reopen',          [F,    F,    X,    X,    X,    X,    F]],
  [C, 'reopen',          [F,    F,    X,    X,    X,    X,    F]],
  [A, 'reopen',          [F,    F,    C,    C,    C,    C,    F]],
  // edit: the author or an ADMIN; keeps the state; approved claims are locked.
  [D, 'edit',            [D,    F,    D,    F,    D,    D,    F]],
  [S, 'edit',            [S,    F,    S,    F,    S,    S,    F]],
  [C, 'edit',            [C,    F,    C,    F,    C,    C,    F]],
  [A, 'edit',            [F,    F,    F,    F,    F,    F,    F]],
  // delete: the author or an ADMIN; an approved claim only an ADMIN (with a reason).
  [D, 'delete',          [DEL,  F,    DEL,  F,    DEL,  DEL,  F]],
  [S, 'delete',          [DEL,  F,    DEL,  F,    DEL,  DEL,  F]],
  [C, 'delete',          [DEL,  F,    DEL,  F,    DEL,  DEL,  F]],
  [A, 'delete',          [F,    F,    F,    F,    DEL,  DEL,  F]],
  // anchorChanged (the quoted words changed): whoever saved the revision, or the system;
  // voids an approval (APPROVED -> SUBMITTED), else keeps the state.
  [D, 'anchorChanged',   [D,    D,    D,    D,    D,    D,    D]],
  [S, 'anchorChanged',   [S,    S,    S,    S,    S,    S,    S]],
  [C, 'anchorChanged',   [C,    C,    C,    C,    C,    C,    C]],
  [A, 'anchorChanged',   [S,    S,    S,    S,    S,    S,    S]],
  // linkSpan / reattachSpan: any user; on an approved claim, back to review.
  [D, 'linkSpan',        [D,    D,    D,    D,    D,    D,    F]],
  [S, 'linkSpan',        [S,    S,    S,    S,    S,    S,    F]],
  [C, 'linkSpan',        [C,    C,    C,    C,    C,    C,    F]],
  [A, 'linkSpan',        [S,    S,    S,    S,    S,    S,    F]],
  [D, 'reattachSpan',    [D,    D,    D,    D,    D,    D,    F]],
  [S, 'reattachSpan',    [S,    S,    S,    S,    S,    S,    F]],
  [C, 'reattachSpan',    [C,    C,    C,    C,    C,    C,    F]],
  [A, 'reattachSpan',    [S,    S,    S,    S,    S,    S,    F]],
  // sourceChanged (an article's source details changed): any user; an approval holds for them,
  // so an approved claim goes back to review, and one in review stays there (new version).
  [D, 'sourceChanged',   [X,    X,    X,    X,    X,    X,    F]],
  [S, 'sourceChanged',   [S,    S,    S,    S,    S,    S,    F]],
  [C, 'sourceChanged',   [X,    X,    X,    X,    X,    X,    F]],
  [A, 'sourceChanged',   [S,    S,    S,    S,    S,    S,    F]],
  // removeSpan: its maker (here the author), the claim's author or an ADMIN.
  [D, 'removeSpan',      [D,    F,    D,    F,    D,    D,    F]],
  [S, 'removeSpan',      [S,    F,    S,    F,    S,    S,    F]],
  [C, 'removeSpan',      [C,    F,    C,    F,    C,    C,    F]],
  [A, 'removeSpan',      [S,    F,    S,    F,    S,    S,    F]],
  // comment: anyone signed in, in any state; the claim (state and version) stays as it is.
  [D, 'comment',         [D,    D,    D,    D,    D,    D,    F]],
  [S, 'comment',         [S,    S,    S,    S,    S,    S,    F]],
  [C, 'comment',         [C,    C,    C,    C,    C,    C,    F]],
  [A, 'comment',         [A,    A,    A,    A,    A,    A,    F]],
];
