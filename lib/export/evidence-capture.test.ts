import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkMusts } from './conformance/w3c-conformance';
import { claimToJson } from './claims-json';
import { toAnnotatedHtml } from './annotated-html';
import { toAnnotatedMarkdown } from './annotated-markdown';
import { buildAnnotatedJson } from './annotated-json';
import { describeEvidenceCapture } from './evidence-capture';
import { buildWebAnnotationCollection, type WebAnnotation } from './web-annotation';
import { CONFIG, NOW, annotationOf, makeAnnotated, makeClaim } from './test-fixtures';
import type { ExportEvidence } from './types';

const FETCHED = new Date('2026-11-21T09:15:00.000Z');
const SHA = 'ab'.repeat(32);

const archived: ExportEvidence = {
  id: 'ev1',
  url: 'https://stats.example/table-1',
  title: 'Table 1',
  quote: 'Growth was 2%.',
  accessedAt: FETCHED,
  capture: {
    id: 'cap1',
    kind: 'FETCH',
    url: 'https://stats.example/table-1',
    fetchedAt: FETCHED,
    sha256: SHA,
    warcRecordId: '<urn:uuid:0f6b1d9e-7f55-4d16-9b3c-2f4ae1f0c001>',
  },
  quoteSelector: {
    exact: 'Growth was 2%.',
    prefix: 'the office said. ',
    suffix: ' Prices rose',
    start: 120,
    end: 134,
    match: 'EXACT',
  },
};
const plain: ExportEvidence = {
  url: 'https://other.example/',
  title: null,
  quote: 'A pasted quote.',
  accessedAt: null,
};

const TEXT = 'The minister said the economy grew by 5% last year, a record.';
const claim = makeClaim('c1', { evidence: [archived, plain] });
const annotation = annotationOf(TEXT, 'the economy grew by 5% last year', 'c1');
const input = makeAnnotated(TEXT, [annotation], [claim]);

describe('evidence captures in the claim JSON', () => {
  it('lists the capture (archive id, fetch time, sha256, WARC record) and W3C selectors', () => {
    const [first, second] = claimToJson(claim).evidence;
    assert.deepEqual(first, {
      url: 'https://stats.example/table-1',
      title: 'Table 1',
      quote: 'Growth was 2%.',
      accessedAt: '2026-11-21T09:15:00.000Z',
      capture: {
        id: 'cap1',
        kind: 'FETCH',
        url: 'https://stats.example/table-1',
        fetchedAt: '2026-11-21T09:15:00.000Z',
        sha256: SHA,
        warcRecordId: '<urn:uuid:0f6b1d9e-7f55-4d16-9b3c-2f4ae1f0c001>',
      },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'Growth was 2%.',
          prefix: 'the office said. ',
          suffix: ' Prices rose',
        },
        { type: 'TextPositionSelector', start: 120, end: 134 },
      ],
      quoteMatch: 'EXACT',
    });
    assert.deepEqual(
      { capture: second?.capture, selector: second?.selector, quoteMatch: second?.quoteMatch },
      { capture: null, selector: null, quoteMatch: null },
    );
  });

  it('keeps the capture but no selector when the quote was not found in the copy', () => {
    const [json] = claimToJson(
      makeClaim('c2', { evidence: [{ ...archived, quoteSelector: null }] }),
    ).evidence;
    assert.equal(json?.capture?.id, 'cap1');
    assert.equal(json?.selector, null);
  });

  it('the annotated JSON carries the same evidence', () => {
    const doc = buildAnnotatedJson(input, CONFIG, { now: NOW });
    assert.deepEqual(doc.annotations[0]?.claim.evidence, claimToJson(claim).evidence);
  });
});

describe('evidence captures in the W3C Web Annotation export', () => {
  const collection = buildWebAnnotationCollection(input, CONFIG, { now: NOW });
  const items = collection.first.items;
  const claimItem = items[0]!;
  const evidenceItems = items.filter((i) => i.motivation === 'linking');

  it('adds one linking annotation per archived quote, after the claim annotations', () => {
    assert.equal(items.length, 2);
    assert.equal(collection.total, 2);
    assert.equal(evidenceItems.length, 1);
    assert.equal(items.indexOf(evidenceItems[0]!), 1);
  });

  it('targets the source as archived, with quote and position selectors', () => {
    const ev = evidenceItems[0] as WebAnnotation;
    assert.equal(ev.id, 'https://app.factmark.example/evidence/ev1');
    assert.deepEqual(ev.target, {
      type: 'SpecificResource',
      source: 'https://stats.example/table-1',
      state: {
        type: 'TimeState',
        sourceDate: '2026-11-21T09:15:00.000Z',
        cached: 'https://app.factmark.example/api/evidence/captures/cap1/copy',
      },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'Growth was 2%.',
          prefix: 'the office said. ',
          suffix: ' Prices rose',
        },
        { type: 'TextPositionSelector', start: 120, end: 134 },
      ],
    });
  });

  it('links to the claim annotation and names the capture', () => {
    const ev = evidenceItems[0] as WebAnnotation;
    assert.deepEqual(ev.body[0], {
      type: 'SpecificResource',
      source: claimItem.id,
      purpose: 'linking',
    });
    const description = ev.body[1] as { value: string };
    assert.match(description.value, /archive id cap1/);
    assert.match(description.value, new RegExp(`sha256 ${SHA}`));
    assert.match(description.value, /found verbatim/);
  });

  it("passes the W3C suite's MUST assertions", () => {
    for (const item of JSON.parse(JSON.stringify(items)) as WebAnnotation[]) {
      assert.deepEqual(checkMusts('annotation', item), [], item.id);
    }
    assert.deepEqual(checkMusts('collection', JSON.parse(JSON.stringify(collection))), []);
  });

  it('lists no evidence annotation for a claim whose spans are not in the collection', () => {
    const unapproved = makeClaim('c1', { evidence: [archived], reviewState: 'DRAFT' });
    const only = buildWebAnnotationCollection(
      makeAnnotated(TEXT, [annotation], [unapproved]),
      CONFIG,
      { now: NOW },
    );
    assert.equal(only.total, 0);
  });
});

describe('evidence captures in the annotated HTML and Markdown', () => {
  const line = describeEvidenceCapture(archived)!;

  it('says when the copy was fetched, its archive id and sha256, and where the quote is', () => {
    assert.equal(
      line,
      `Archived copy of 2026-11-21T09:15:00.000Z: archive id cap1, SHA-256 ${SHA}; ` +
        'quote found verbatim at characters 120–134 of its text.',
    );
    assert.equal(describeEvidenceCapture(plain), null);
    assert.match(
      describeEvidenceCapture({ ...archived, quoteSelector: null })!,
      /the quote was not found in it\.$/,
    );
  });

  it('appears under the evidence in both documents', () => {
    assert.ok(toAnnotatedHtml(input, CONFIG, { now: NOW }).includes(line));
    assert.ok(toAnnotatedMarkdown(input, CONFIG, { now: NOW }).includes(line));
  });
});
