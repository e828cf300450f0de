import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CEILING_DELAY_MS, decideSignIn, describeRetry } from './sign-in-throttle';

const now = new Date('2026-11-24T10:00:00Z');
const limits = { clientLimit: 30, accountLimit: 5, accountCeiling: 50, windowMs: 15 * 60_000 };
const counts = (client: number, clientAccount: number, account: number, startedMsAgo = 0) => ({
  client,
  clientAccount,
  account,
  windowStart: new Date(now.getTime() - startedMsAgo),
});

describe('decideSignIn', () => {
  it('checks attempts up to each limit without delay', () => {
    assert.deepEqual(decideSignIn(counts(1, 1, 1), limits, now), { allowed: true, delayMs: 0 });
    assert.deepEqual(decideSignIn(counts(30, 5, 50), limits, now), { allowed: true, delayMs: 0 });
  });

  it('refuses the attempt after the per-account limit of one client, until its window ends', () => {
    assert.deepEqual(decideSignIn(counts(6, 6, 6, 60_000), limits, now), {
      allowed: false,
      retryAfterSeconds: 14 * 60,
    });
  });

  it('refuses a client that tries too many accounts', () => {
    const decision = decideSignIn(counts(31, 1, 1), limits, now);
    assert.equal(decision.allowed, false);
  });

  it('only slows, never refuses, an account tried from many clients', () => {
    assert.deepEqual(decideSignIn(counts(1, 1, 500), limits, now), {
      allowed: true,
      delayMs: CEILING_DELAY_MS,
    });
  });

  it('never asks for less than a second', () => {
    const decision = decideSignIn(counts(99, 99, 99, limits.windowMs + 5_000), limits, now);
    assert.deepEqual(decision, { allowed: false, retryAfterSeconds: 1 });
  });
});

describe('describeRetry', () => {
  it('says how long in seconds, then in minutes, never naming the account', () => {
    assert.match(describeRetry(5), /try again in 5 seconds/i);
    assert.match(describeRetry(14 * 60), /try again in 14 minutes/i);
    assert.doesNotMatch(describeRetry(60), /account/);
  });
});
