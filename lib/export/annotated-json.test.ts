import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnnotatedJson, toAnnotatedJson, type AnnotatedJson } from './annotated-json';
import { splitSegments } from './segments';
import type { TextPositionSelector } from './selectors';
import {
  CONFIG,
  NOW,
  annotationAt,
  annotationOf,
  makeAnnotated,
  makeClaim,
  seededRandom,
  sha256,
} from './test-fixtures';
import type { ExportAnnotation } from './types';

const TEXT =
  'Flags 🇰🇿 and 😀 first. The economy grew by 5% in 2025, said 𝒯𝒽ℯ minister.\n\n' +
  'Unemployment fell to 3% — a record — according to the ministry 👩‍👩‍👧.';

function roundTrip(json: string): AnnotatedJson {
  return JSON.parse(json) as AnnotatedJson;
}

describe('toAnnotatedJson: round trip', () => {
  const annotations = [
    annotationOf(TEXT, 'The economy grew by 5%', 'c1'),
    annotationOf(TEXT, 'grew by 5% in 2025, said 𝒯𝒽ℯ', 'c2'),
    annotationOf(TEXT, '5%', 'c3'),
    annotationOf(TEXT, 'ministry 👩‍👩‍👧', 'c1'),
    annotationOf(TEXT, 'Unemployment fell to 3%', 'c2', {
      anchorState: 'FUZZY',
      exact: 'Unemployment fel to 3%',
    }),
  ];
  const claims = [
    makeClaim('c1'),
    makeClaim('c2', { verdict: 'MIXED' }),
    makeClaim('c3', { verdict: 'TRUE' }),
  ];
  const input = makeAnnotated(TEXT, annotations, claims);
  const doc = roundTrip(toAnnotatedJson(input, CONFIG, { now: NOW }));

  it('carries the revision text and its sha256 unchanged', () => {
    assert.equal(doc.revision.text, TEXT);
    assert.equal(doc.revision.sha256, sha256(doc.revision.text));
    assert.equal(doc.revision.number, 2);
    assert.equal(doc.format, 'factmark.annotated-article');
    assert.equal(doc.version, 1);
    assert.equal(doc.generatedAt, NOW.toISOString());
  });

  it('text.slice(start, end) === exact for every placed annotation', () => {
    assert.equal(doc.annotations.length, annotations.length);
    for (const a of doc.annotations) {
      assert.ok(a.placed && a.start !== null && a.end !== null);
      assert.equal(doc.revision.text.slice(a.start, a.end), a.exact);
    }
  });

  it('rebuilds exactly the same highlights', () => {
    const original = splitSegments(TEXT.length, input.annotations);
    const rebuilt = splitSegments(
      doc.revision.text.length,
      doc.annotations.map((a) => ({ start: a.start ?? 0, end: a.end ?? 0 })),
    );
    const covering = (segments: typeof original, spans: readonly { id: string }[]) =>
      segments.map((s) => [s.start, s.end, s.spans.map((i) => spans[i]?.id).sort()]);
    assert.deepEqual(covering(rebuilt, doc.annotations), covering(original, input.annotations));
  });

  it('gives W3C selectors: the quote from the text, positions in code points', () => {
    for (const a of doc.annotations) {
      const [quote, position] = a.selector;
      assert.deepEqual(quote, {
        type: 'TextQuoteSelector',
        exact: a.exact,
        prefix: a.prefix,
        suffix: a.suffix,
      });
      assert.ok(TEXT.slice(0, a.start ?? 0).endsWith(a.prefix));
      assert.ok(TEXT.slice(a.end ?? 0).startsWith(a.suffix));
      assert.deepEqual(position, {
        type: 'TextPositionSelector',
        start: Array.from(TEXT.slice(0, a.start ?? 0)).length,
        end: Array.from(TEXT.slice(0, a.end ?? 0)).length,
      });
      const { start, end } = position as TextPositionSelector;
      assert.equal(
        Array.from(TEXT).slice(start, end).join(''),
        a.exact,
        'positions index code points',
      );
    }
  });

  it('takes the quote of re-anchored annotations from the current text', () => {
    const fuzzy = doc.annotations.find((a) => a.anchorState === 'FUZZY');
    assert.equal(fuzzy?.exact, 'Unemployment fell to 3%');
  });

  it("embeds each annotation's claim and its note number", () => {
    assert.deepEqual(
      doc.annotations.map((a) => [a.exact, a.number, a.claim.id, a.claim.verdict]),
      [
        ['The economy grew by 5%', 1, 'c1', 'FALSE'],
        ['grew by 5% in 2025, said 𝒯𝒽ℯ', 2, 'c2', 'MIXED'],
        ['5%', 3, 'c3', 'TRUE'],
        ['Unemployment fell to 3%', 2, 'c2', 'MIXED'],
        ['ministry 👩‍👩‍👧', 1, 'c1', 'FALSE'],
      ],
    );
    assert.deepEqual(doc.annotations[0]?.creator, { id: 'u1', name: 'Ed Itor' });
    assert.ok(!JSON.stringify(doc).includes('ed@example.org'), 'no emails');
  });

  it('survives random overlapping annotations', () => {
    const random = seededRandom(42);
    const many: ExportAnnotation[] = Array.from({ length: 200 }, () => {
      const start = Math.floor(random() * (TEXT.length - 1));
      return annotationAt(
        TEXT,
        start,
        start + 1 + Math.floor(random() * (TEXT.length - start - 1)),
        'c1',
      );
    });
    const parsed = roundTrip(
      toAnnotatedJson(makeAnnotated(TEXT, many, claims), CONFIG, { indent: 0 }),
    );
    assert.equal(parsed.annotations.length, 200);
    for (const a of parsed.annotations) assert.equal(TEXT.slice(a.start ?? 0, a.end ?? 0), a.exact);
  });
});

describe('buildAnnotatedJson: filter and unplaced annotations', () => {
  const text = 'Alpha beta gamma.';
  const input = makeAnnotated(
    text,
    [
      annotationOf(text, 'Alpha', 'c1'),
      annotationOf(text, 'beta', 'c2'),
      annotationAt(text, 0, 0, 'c1', {
        anchorState: 'ORPHANED',
        exact: 'gone',
        prefix: 'p',
        suffix: 's',
      }),
    ],
    [makeClaim('c1'), makeClaim('c2', { reviewState: 'DRAFT', approvedAt: null })],
  );

  it('keeps approved claims only by default', () => {
    const doc = buildAnnotatedJson(input, CONFIG, { now: NOW });
    assert.equal(doc.claimFilter, 'approved');
    assert.deepEqual(
      doc.annotations.map((a) => a.claimId),
      ['c1', 'c1'],
    );
  });

  it('keeps all claims with their review state on request', () => {
    const doc = buildAnnotatedJson(input, CONFIG, { now: NOW, filter: 'all' });
    assert.deepEqual(
      doc.annotations.map((a) => [a.claimId, a.claim.reviewState]),
      [
        ['c1', 'APPROVED'],
        ['c2', 'DRAFT'],
        ['c1', 'APPROVED'],
      ],
    );
  });

  it('gives unplaced annotations null offsets and their stored quote only', () => {
    const orphan = buildAnnotatedJson(input, CONFIG, { now: NOW }).annotations[1];
    assert.deepEqual(
      orphan && [orphan.placed, orphan.start, orphan.end, orphan.exact, orphan.selector],
      [
        false,
        null,
        null,
        'gone',
        [{ type: 'TextQuoteSelector', exact: 'gone', prefix: 'p', suffix: 's' }],
      ],
    );
  });
});
