/**
 * The sign-in throttling policy (issue #11), pure: given how many attempts each counter holds
 * *after* counting this one, decide whether the password is checked at all, and how long to slow
 * it down. The counters live in PostgreSQL and are incremented atomically before the decision,
 * so concurrent attempts cannot all see the same old count.
 *
 * Three counters, each over a fixed window:
 * - per client address: stops one client trying many accounts;
 * - per client address and account: stops one client guessing one password. A stranger's
 *   attempts from elsewhere never touch the real user's counter, so nobody can lock them out;
 * - per account from everywhere: past a ceiling every attempt is slowed, never refused, so a
 *   distributed guesser is held back while the real user still gets in, a little later.
 * Unknown emails are counted exactly like known ones: the answers cannot tell them apart.
 */

export interface ThrottleLimits {
  /** Attempts per client address (all accounts) per window. */
  clientLimit: number;
  /** Attempts per client address for one account per window. */
  accountLimit: number;
  /** Attempts for one account from all clients per window before each is slowed down. */
  accountCeiling: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface ThrottleCounts {
  client: number;
  clientAccount: number;
  account: number;
  /** When the oldest of the windows that refused started (to compute Retry-After). */
  windowStart: Date;
}

export type ThrottleDecision =
  { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Delay added to every check of an account past its global ceiling: long enough to make a
 * distributed guess slow (one connection checks at most one password per second), short enough
 * that the real user barely notices.
 */
export const CEILING_DELAY_MS = 1_000;

/** Decides one attempt from the counters that already include it. */
export function decideSignIn(
  counts: ThrottleCounts,
  limits: ThrottleLimits,
  now: Date,
): ThrottleDecision {
  if (counts.client > limits.clientLimit || counts.clientAccount > limits.accountLimit) {
    const left = counts.windowStart.getTime() + limits.windowMs - now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
  }
  return {
    allowed: true,
    delayMs: counts.account > limits.accountCeiling ? CEILING_DELAY_MS : 0,
  };
}

/** The one message for a throttled attempt, whatever the account (it may not exist). */
export function describeRetry(retryAfterSeconds: number): string {
  const span =
    retryAfterSeconds < 120
      ? `${retryAfterSeconds} seconds`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many sign-in attempts from this device. Try again in ${span}.`;
}
