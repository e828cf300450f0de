import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assignLanes,
  isLineBreak,
  lineBreakBoundaries,
  splitSegments,
  type Span,
} from './segments';
import { SEGMENT_CASES } from './segments-cases';
import { seededRandom } from './test-fixtures';

describe('splitSegments', () => {
  for (const c of SEGMENT_CASES) {
    it(c.name, () => {
      const segments = splitSegments(c.length, c.spans, { boundaries: c.boundaries });
      assert.deepEqual(
        segments.map((s) => [s.start, s.end, [...s.spans]]),
        c.expected.map(([start, end, spans]) => [start, end, [...spans]]),
      );
    });
  }

  it('matches a brute-force covering check on random overlapping spans', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 50; round++) {
      const length = 1 + Math.floor(random() * 60);
      const spans: Span[] = Array.from({ length: Math.floor(random() * 12) }, () => {
        const a = Math.floor(random() * (length + 1));
        const b = Math.floor(random() * (length + 1));
        return { start: Math.min(a, b), end: Math.max(a, b) };
      });
      const segments = splitSegments(length, spans);
      let position = 0;
      for (const segment of segments) {
        assert.equal(segment.start, position, 'segments tile the text');
        assert.ok(segment.end > segment.start);
        for (let i = segment.start; i < segment.end; i++) {
          const covering = spans
            .map((s, index) => (s.start <= i && i < s.end ? index : -1))
            .filter((index) => index >= 0)
            .sort();
          assert.deepEqual([...segment.spans].sort(), covering);
        }
        position = segment.end;
      }
      assert.equal(position, length);
    }
  });

  it('stays fast with thousands of overlapping spans', () => {
    const random = seededRandom(3);
    const length = 200_000;
    const spans: Span[] = Array.from({ length: 5_000 }, () => {
      const start = Math.floor(random() * (length - 500));
      return { start, end: start + 1 + Math.floor(random() * 400) };
    });
    const started = performance.now();
    const segments = splitSegments(length, spans);
    assert.ok(segments.length > 5_000);
    assert.ok(performance.now() - started < 1_000, 'well under a second');
  });
});

describe('assignLanes', () => {
  it('gives overlapping spans different lanes and reuses freed lanes', () => {
    const spans: Span[] = [
      { start: 0, end: 10 },
      { start: 2, end: 4 },
      { start: 5, end: 8 },
      { start: 6, end: 12 },
      { start: 11, end: 15 },
    ];
    assert.deepEqual(assignLanes(spans), [0, 1, 1, 2, 0]);
  });

  it('gives empty spans no lane', () => {
    assert.deepEqual(
      assignLanes([
        { start: 3, end: 3 },
        { start: 1, end: 2 },
      ]),
      [-1, 0],
    );
  });

  it('never puts two overlapping spans on one lane (random)', () => {
    const random = seededRandom(11);
    const spans: Span[] = Array.from({ length: 300 }, () => {
      const start = Math.floor(random() * 1000);
      return { start, end: start + 1 + Math.floor(random() * 80) };
    });
    const lanes = assignLanes(spans);
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        const a = spans[i] as Span;
        const b = spans[j] as Span;
        if (a.start < b.end && b.start < a.end) assert.notEqual(lanes[i], lanes[j]);
      }
    }
  });
});

describe('line breaks', () => {
  it('cuts at runs of \\n, \\r\\n and \\r', () => {
    const text = 'one\ntwo\r\n\r\nthree\rfour';
    assert.deepEqual(lineBreakBoundaries(text), [3, 4, 7, 11, 16, 17]);
    const segments = splitSegments(text.length, [], { boundaries: lineBreakBoundaries(text) });
    assert.deepEqual(
      segments.map((s) => [text.slice(s.start, s.end), isLineBreak(text, s)]),
      [
        ['one', false],
        ['\n', true],
        ['two', false],
        ['\r\n\r\n', true],
        ['three', false],
        ['\r', true],
        ['four', false],
      ],
    );
  });
});
