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
});
