/**
 * Claim review workflow: a pure domain module. Submit, approve, request changes, reopen, edit,
 * delete and anchor changes of fact-check claims, with permissions (including the four-eyes
 * rule), the approval snapshot and its hash, and bulk submission. See `state-machine.ts` for the
 * states and `permissions.ts` / `transition.ts` for the decisions the issue left open.
 *
 * This barrel pulls in `node:crypto` (through the approval snapshot), so it is for server code.
 * Client components that only need the permission helpers or the guard import `./permissions`,
 * `./state-machine` or `./results` directly; none of those touch Node built-ins.
 */

export * from './types';
export * from './events';
export * from './results';
export * from './permissions';
export * from './state-machine';
export * from './validation';
export * from './approval-snapshot';
export * from './transition';
export { ReviewInvariantError } from './invariants';
