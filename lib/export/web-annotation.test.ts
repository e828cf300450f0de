import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VERDICTS } from '../domain';
import { checkMusts, mustAssertions, type ConformanceFailure } from './conformance/w3c-conformance';
import {
  buildWebAnnotationCollection,
  toWebAnnotationJsonLd,
  WEB_ANNOTATION_CONTEXT,
  type WebAnnotation,
  type WebAnnotationCollection,
} from './web-annotation';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { CONFIG, NOW, annotationAt, annotationOf, makeAnnotated, makeClaim } from './test-fixtures';

const describeFailures = (failures: readonly ConformanceFailure[]) =>
  failures
    .map((f) => `${f.assertion}: ${f.message} ${JSON.stringify(f.errors.slice(0, 2))}`)
    .join('\n');

function assertConformant(collection: WebAnnotationCollection): void {
  const parsed = JSON.parse(JSON.stringify(collection)) as WebAnnotationCollection;
  for (const annotation of parsed.first.items) {
    const failures = checkMusts('annotation', annotation);
    assert.deepEqual(failures, [], `${annotation.id}\n${describeFailures(failures)}`);
  }
  const collectionFailures = checkMusts('collection', parsed);
  assert.deepEqual(collectionFailures, [], describeFailures(collectionFailures));
  const pageFailures = checkMusts('page', parsed);
  assert.deepEqual(pageFailures, [], describeFailures(pageFailures));
}

const TEXT =
  'Intro 😀 with 🇰🇿 flags and 𝔸 math.\nThe economy grew by 5% last year, the minister said.\n\n' +
  'Unemployment fell to a record low, the ministry 👩‍👩‍👧 claims.';

const claims = VERDICTS.map((verdict, i) =>
  makeClaim(`c${i}`, {
    verdict,
    text: `Claim about ${verdict} <b>"quoted"</b>`,
    rationale: i % 2 === 0 ? `Rationale ${i}` : '',
    evidence: [
      { url: 'https://stats.example/t1', title: 'T1', quote: null, accessedAt: null },
      { url: 'javascript:alert(1)', title: 'bad', quote: null, accessedAt: null },
    ],
    reviewState: i === 3 ? 'SUBMITTED' : 'APPROVED',
  }),
);
const quotes = [
  '😀 with',
  'The economy grew by 5%',
  'grew by 5% last year',
  'record low',
  'ministry 👩‍👩‍👧 claims',
  '𝔸',
];
const annotations = [
  ...claims.map((claim, i) => annotationOf(TEXT, quotes[i % quotes.length] ?? '', claim.id)),
  annotationAt(TEXT, 0, 0, 'c1', {
    anchorState: 'ORPHANED',
    exact: 'lost quote',
    prefix: '',
    suffix: '',
  }),
];
const input = makeAnnotated(TEXT, annotations, claims);

describe('W3C conformance harness', () => {
  it('loads every MUST assertion of the suite', () => {
    assert.equal(mustAssertions('annotation').length, 54);
    assert.equal(mustAssertions('collection').length, 10);
    assert.equal(mustAssertions('page').length, 15);
  });

  it('rejects annotations that break MUST rules', () => {
    const good = buildWebAnnotationCollection(input, CONFIG, { now: NOW }).first
      .items[0] as WebAnnotation;
    assert.deepEqual(checkMusts('annotation', good), []);
    const broken: [string, unknown, string][] = [
      ['no @context', { ...good, '@context': undefined }, '3.1-annotationContextValidated'],
      ['relative id', { ...good, id: 'not a uri' }, '3.1-annotationIdValidated'],
      ['wrong type', { ...good, type: 'Note' }, '3.1-annotationTypeValidated'],
      ['no target', { ...good, target: undefined }, '3.1-targetKeyFound'],
      ['body and bodyValue', { ...good, bodyValue: 'x' }, '3.2.5-notBodyBodyValue'],
      ['bad created', { ...good, created: '24/11/2026' }, '3.3.1-annotationCreatedValidated'],
      ['bad modified', { ...good, modified: 'yesterday' }, '3.3.1-annotationModifiedValidated'],
      [
        'position selector without end',
        {
          ...good,
          target: { ...good.target, selector: [{ type: 'TextPositionSelector', start: 1 }] },
        },
        '4.2-TextDataPositionSelectorValid',
      ],
      [
        'quote selector without exact',
        {
          ...good,
          target: { ...good.target, selector: [{ type: 'TextQuoteSelector', prefix: 'a' }] },
        },
        '4.2.4-textQuoteSelectorValid',
      ],
    ];
    for (const [name, annotation, assertion] of broken) {
      const failed = checkMusts('annotation', JSON.parse(JSON.stringify(annotation))).map(
        (f) => f.assertion,
      );
      assert.ok(
        failed.some((path) => path.includes(assertion)),
        `${name}: ${failed.join(', ')}`,
      );
    }
  });
});

describe('buildWebAnnotationCollection: conformance', () => {
  it("every annotation, the collection and its page pass the suite's MUST assertions", () => {
    assertConformant(buildWebAnnotationCollection(input, CONFIG, { now: NOW, filter: 'all' }));
    assertConformant(buildWebAnnotationCollection(input, CONFIG, { now: NOW, language: 'en' }));
    assertConformant(
      buildWebAnnotationCollection(input, CONFIG, { now: NOW, targetSource: 'app' }),
    );
  });

  it('an empty collection conforms too', () => {
    const empty = buildWebAnnotationCollection(makeAnnotated('text', [], []), CONFIG, { now: NOW });
    assert.equal(empty.total, 0);
    assert.deepEqual(empty.first.items, []);
    assertConformant(empty);
  });

  it('serialises to the same JSON-LD', () => {
    const text = toWebAnnotationJsonLd(input, CONFIG, { now: NOW });
    assert.deepEqual(
      JSON.parse(text),
      JSON.parse(JSON.stringify(buildWebAnnotationCollection(input, CONFIG, { now: NOW }))),
    );
  });
});

describe('buildWebAnnotationCollection: content', () => {
  const collection = buildWebAnnotationCollection(input, CONFIG, { now: NOW, filter: 'all' });
  const items = collection.first.items;

  it('is an AnnotationCollection with an embedded first AnnotationPage', () => {
    assert.equal(collection['@context'], WEB_ANNOTATION_CONTEXT);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(
      collection.id,
      'https://app.factmark.example/articles/art1/revisions/2/annotations',
    );
    assert.equal(collection.total, items.length);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.partOf, collection.id);
    assert.equal(collection.first.startIndex, 0);
  });

  it('uses code point offsets in TextPositionSelector, emoji and astral characters before the span', () => {
    let shifted = 0;
    for (const item of items) {
      const [quote, position] = item.target.selector as [TextQuoteSelector, TextPositionSelector?];
      assert.equal(quote.type, 'TextQuoteSelector');
      if (!position) continue;
      assert.equal(position.type, 'TextPositionSelector');
      assert.equal(Array.from(TEXT).slice(position.start, position.end).join(''), quote.exact);
      const utf16Start = TEXT.indexOf(quote.prefix + quote.exact) + quote.prefix.length;
      assert.equal(position.start, Array.from(TEXT.slice(0, utf16Start)).length);
      if (position.start < utf16Start) shifted++;
    }
    assert.ok(shifted >= 6, 'most spans come after astral characters');
    const economy = items.find(
      (i) => (i.target.selector[0] as TextQuoteSelector).exact === 'The economy grew by 5%',
    );
    // Before it: 😀 (2 units), 🇰🇿 (two regional indicators, 4 units), 𝔸 (2 units) = 4 extra units.
    assert.equal(TEXT.indexOf('The economy'), 38);
    assert.deepEqual(economy?.target.selector[1], {
      type: 'TextPositionSelector',
      start: 34,
      end: 56,
    });
  });

  it('motivates assessing for verdicts, highlighting for UNVERIFIED', () => {
    for (const item of items) {
      const describing = item.body.find((b) => 'type' in b && b.purpose === 'describing');
      const verdict =
        describing && 'value' in describing ? /about (\w+)/.exec(describing.value)?.[1] : '';
      assert.equal(
        item.motivation,
        verdict === 'UNVERIFIED' ? 'highlighting' : 'assessing',
        verdict,
      );
      assert.equal(
        item.body.some((b) => 'type' in b && b.purpose === 'assessing'),
        verdict !== 'UNVERIFIED',
      );
    }
  });

  it('puts the claim, verdict, rationale, review state and http(s) evidence in the body', () => {
    const first = items.find((i) => i.id.endsWith(annotations[2]?.id ?? '')) as WebAnnotation;
    assert.deepEqual(first.body, [
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Claim about MOSTLY_TRUE <b>"quoted"</b>',
        format: 'text/plain',
      },
      { type: 'TextualBody', purpose: 'assessing', value: 'Mostly true', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Rationale 2', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'tagging',
        value: 'Review state: Approved',
        format: 'text/plain',
      },
      { type: 'SpecificResource', source: 'https://stats.example/t1', purpose: 'linking' },
    ]);
  });

  it('names the creator, dates and generator; targets the article source', () => {
    const first = items[0] as WebAnnotation;
    assert.deepEqual(first.creator, { type: 'Person', name: 'Ed Itor' });
    assert.equal(first.created, '2026-11-20T08:00:00.000Z');
    assert.equal(first.modified, '2026-11-23T16:30:00.000Z', 'claim updated after the annotation');
    assert.equal(first.generated, NOW.toISOString());
    assert.equal(first.target.source, 'https://news.example/astana-2');
    assert.match(first.id, /^https:\/\/app\.factmark\.example\/annotations\/ann\d+$/);
    assert.ok(!JSON.stringify(collection).includes('@example.org'), 'no emails');
  });

  it('falls back to the app for a source URL that is not http(s)', () => {
    const other = buildWebAnnotationCollection(
      makeAnnotated(TEXT, annotations, claims, { sourceUrl: 'javascript:alert(1)' }),
      CONFIG,
      { now: NOW },
    );
    assert.equal(other.first.items[0]?.target.source, 'https://app.factmark.example/articles/art1');
  });

  it('keeps unplaced annotations with their stored quote only', () => {
    const orphan = items[items.length - 1];
    assert.deepEqual(orphan?.target.selector, [
      { type: 'TextQuoteSelector', exact: 'lost quote', prefix: '', suffix: '' },
    ]);
  });

  it('leaves unapproved claims out by default', () => {
    const approved = buildWebAnnotationCollection(input, CONFIG, { now: NOW });
    assert.equal(approved.total, items.length - 1);
    assert.ok(
      !approved.first.items.some((i) =>
        i.body.some((b) => 'purpose' in b && b.purpose === 'tagging'),
      ),
    );
  });
});
