import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKeyedLimiter } from './host-limiter';

describe('createKeyedLimiter', () => {
  it('runs at most perKey tasks per key at once, other keys freely, all in the end', async () => {
    const limiter = createKeyedLimiter(2);
    let peakA = 0;
    let peakB = 0;
    const done: string[] = [];
    const task = (key: string, name: string) =>
      limiter.run(key, async () => {
        if (key === 'a') peakA = Math.max(peakA, limiter.active('a'));
        else peakB = Math.max(peakB, limiter.active('b'));
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push(name);
      });
    await Promise.all([
      ...Array.from({ length: 7 }, (_, i) => task('a', `a${i}`)),
      ...Array.from({ length: 2 }, (_, i) => task('b', `b${i}`)),
    ]);
    assert.equal(peakA, 2);
    assert.equal(peakB, 2);
    assert.equal(done.length, 9);
    assert.equal(limiter.active('a'), 0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createKeyedLimiter(1);
    await assert.rejects(limiter.run('a', () => Promise.reject(new Error('boom'))));
    assert.equal(await limiter.run('a', async () => 'ok'), 'ok');
  });

  it('starts the tasks of one key at least minIntervalMs apart, other keys unpaced', async () => {
    const limiter = createKeyedLimiter(4, { minIntervalMs: 40 });
    const starts: [string, number][] = [];
    const task = (key: string) =>
      limiter.run(key, async () => {
        starts.push([key, performance.now()]);
      });
    const begun = performance.now();
    await Promise.all([task('a'), task('a'), task('b'), task('a')]);
    const a = starts.filter(([k]) => k === 'a').map(([, t]) => t);
    assert.equal(a.length, 3);
    // The k-th start comes at least k intervals after the first (a rate: at most one start per
    // interval on average; a late timer does not let the next one start early by more).
    // Timers may fire a millisecond early by the clock's rounding.
    for (let i = 1; i < a.length; i++) assert.ok(a[i]! - a[0]! >= 40 * i - 2, String(a));
    const b = starts.find(([k]) => k === 'b')![1];
    assert.ok(b - begun < 30, `b waited ${b - begun} ms`);
  });

  it('does not wait at all without an interval', async () => {
    const limiter = createKeyedLimiter(1, {
      sleep: () => Promise.reject(new Error('slept')),
    });
    assert.equal(await limiter.run('a', async () => 1), 1);
    assert.equal(await limiter.run('a', async () => 2), 2);
  });
});
