/**
 * Slows down repeated failed sign-ins for one account. The state lives on the user row
 * (consecutive failures and the time of the last one), so several app instances agree.
 */

/** Failures allowed before any wait: enough for typos, too few for guessing. */
export const FREE_ATTEMPTS = 3;
/** Wait after the first failure beyond the free ones; doubles with each further failure. */
export const BASE_WAIT_MS = 5_000;
/** Upper bound, so a forgetful user is never locked out for long. */
export const MAX_WAIT_MS = 15 * 60_000;

export interface SignInRecord {
  failedSignIns: number;
  lastFailedSignInAt: Date | null;
}

/**
 * How long the account must wait before the next attempt is even checked, in milliseconds
 * (0 when an attempt may be made now).
 */
export function signInWaitMs(record: SignInRecord, now: Date): number {
  const over = record.failedSignIns - FREE_ATTEMPTS - 1;
  if (over < 0 || record.lastFailedSignInAt === null) return 0;
  const wait = Math.min(BASE_WAIT_MS * 2 ** over, MAX_WAIT_MS);
  return Math.max(0, record.lastFailedSignInAt.getTime() + wait - now.getTime());
}

/** The message shown when an account has to wait. */
export function describeWait(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  const span = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins for this account. Sign-in is slowed down: try again in ${span}.`;
}
