import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BASE_WAIT_MS,
  FREE_ATTEMPTS,
  MAX_WAIT_MS,
  describeWait,
  signInWaitMs,
} from './sign-in-throttle';

const now = new Date('2026-11-24T10:00:00Z');
const failedAgo = (failedSignIns: number, msAgo: number) => ({
  failedSignIns,
  lastFailedSignInAt: new Date(now.getTime() - msAgo),
});

describe('signInWaitMs', () => {
  it('lets the free attempts through without any wait', () => {
    for (let failures = 0; failures <= FREE_ATTEMPTS; failures++) {
      assert.equal(signInWaitMs(failedAgo(failures, 0), now), 0);
    }
    assert.equal(signInWaitMs({ failedSignIns: 0, lastFailedSignInAt: null }, now), 0);
  });

  it('makes the account wait after the free attempts, doubling with each further failure', () => {
    assert.equal(signInWaitMs(failedAgo(FREE_ATTEMPTS + 1, 0), now), BASE_WAIT_MS);
    assert.equal(signInWaitMs(failedAgo(FREE_ATTEMPTS + 2, 0), now), 2 * BASE_WAIT_MS);
    assert.equal(signInWaitMs(failedAgo(FREE_ATTEMPTS + 3, 1000), now), 4 * BASE_WAIT_MS - 1000);
  });

  it('never waits longer than the cap and ends once the wait has passed', () => {
    assert.equal(signInWaitMs(failedAgo(FREE_ATTEMPTS + 40, 0), now), MAX_WAIT_MS);
    assert.equal(signInWaitMs(failedAgo(FREE_ATTEMPTS + 1, BASE_WAIT_MS + 1), now), 0);
  });
});

describe('describeWait', () => {
  it('says the sign-in is slowed down and for how long, in seconds or minutes', () => {
    assert.match(describeWait(4_200), /slowed down: try again in 5 seconds/);
    assert.match(describeWait(10 * 60_000), /try again in 10 minutes/);
  });
});
