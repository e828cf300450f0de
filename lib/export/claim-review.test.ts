import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VERDICTS } from '../domain';
import {
  CLAIM_REVIEWED_MAX_CHARS,
  claimReviewWarnings,
  guessClaimantType,
  toClaimReview,
  toClaimReviewJsonLd,
  toClaimReviewJsonLdSync,
  type ClaimReviewJsonLd,
} from './claim-review';
import { CLAIMANT_CASES, RATING_CASES } from './claim-review-cases';
import { collectChunks } from './stream';
import { CONFIG, PUBLISHED, makeClaim } from './test-fixtures';
import type { ExportAppearance } from './types';

const appearance = (overrides: Partial<ExportAppearance>): ExportAppearance => ({
  articleId: 'a',
  articleTitle: 'Article',
  sourceUrl: 'https://news.example/a',
  sourceName: 'News',
  publishedAt: PUBLISHED,
  quote: 'q',
  ...overrides,
});

/** Google's required properties and the recommended ones Factmark always has data for. */
function assertGoogleFields(review: ClaimReviewJsonLd): void {
  assert.equal(review['@context'], 'https://schema.org');
  assert.equal(review['@type'], 'ClaimReview');
  assert.ok(review.claimReviewed.length > 0, 'claimReviewed (required)');
  assert.match(review.url, /^https:\/\/app\.factmark\.example\/claims\//, 'url (required)');
  assert.equal(review.reviewRating['@type'], 'Rating');
  assert.ok(review.reviewRating.alternateName, 'reviewRating.alternateName (required)');
  assert.deepEqual(review.author, {
    '@type': 'Organization',
    name: 'Factmark Desk',
    url: 'https://factmark.example/',
  });
  assert.equal(review.itemReviewed['@type'], 'Claim');
}

describe('toClaimReview', () => {
  for (const c of RATING_CASES) {
    it(`${c.verdict}: ${c.exported ? 'required and recommended fields' : 'not exported'}`, () => {
      const claim = makeClaim(`c-${c.verdict}`, { verdict: c.verdict });
      const review = toClaimReview(claim, CONFIG);
      if (!c.exported) {
        assert.equal(review, null);
        return;
      }
      assert.ok(review);
      assertGoogleFields(review);
      assert.equal(review.reviewRating.alternateName, c.alternateName);
      assert.equal(review.reviewRating.ratingValue, c.ratingValue ?? undefined);
      assert.equal(review.datePublished, '2026-11-23T16:30:00.000Z');
      assert.equal(review.dateModified, '2026-11-23T16:30:00.000Z');
      assert.equal(review.url, `https://app.factmark.example/claims/c-${c.verdict}`);
      assert.equal(review.reviewBody, claim.rationale);
      const item = review.itemReviewed;
      assert.deepEqual(item.author, { '@type': 'Person', name: 'Jane Minister' });
      assert.equal(item.datePublished, '2026-11-18T06:00:00.000Z');
      assert.deepEqual(item.appearance, [
        {
          '@type': 'CreativeWork',
          url: 'https://news.example/astana-2',
          headline: 'Astana 2 talks',
          datePublished: '2026-11-18T06:00:00.000Z',
          publisher: { '@type': 'Organization', name: 'The Daily Example' },
        },
      ]);
      assert.deepEqual(item.firstAppearance, item.appearance?.[0]);
      assert.equal(review.creativeWorkStatus, undefined);
    });
  }

  it('leaves unapproved claims out unless all claims are asked for', () => {
    const draft = makeClaim('d', { reviewState: 'CHANGES_REQUESTED', approvedAt: null });
    assert.equal(toClaimReview(draft, CONFIG), null);
    const review = toClaimReview(draft, CONFIG, { filter: 'all' });
    assert.ok(review);
    assert.equal(review.datePublished, undefined, 'not published yet');
    assert.equal(review.creativeWorkStatus, 'Changes requested');
    assert.equal(
      toClaimReview(makeClaim('a'), CONFIG, { filter: 'all' })?.creativeWorkStatus,
      'Approved',
    );
  });

  it('never exports UNVERIFIED claims, even with all claims', () => {
    assert.equal(
      toClaimReview(makeClaim('u', { verdict: 'UNVERIFIED' }), CONFIG, { filter: 'all' }),
      null,
    );
  });

  it('lists each appearance once (by URL, else by article) and picks the earliest as firstAppearance', () => {
    const review = toClaimReview(
      makeClaim('c', {
        appearances: [
          appearance({
            sourceUrl: 'https://late.example/',
            publishedAt: new Date('2026-05-02T00:00:00Z'),
          }),
          appearance({
            sourceUrl: 'https://early.example/',
            publishedAt: new Date('2026-05-01T00:00:00Z'),
          }),
          appearance({ sourceUrl: 'https://late.example/', articleTitle: 'duplicate' }),
          appearance({ sourceUrl: 'javascript:alert(1)' }),
          appearance({ sourceUrl: null }),
          appearance({
            sourceUrl: 'https://undated.example/',
            publishedAt: null,
            sourceName: null,
          }),
        ],
      }),
      CONFIG,
    );
    assert.ok(review);
    assert.deepEqual(
      review.itemReviewed.appearance?.map((a) => a.url),
      ['https://late.example/', 'https://early.example/', undefined, 'https://undated.example/'],
    );
    assert.equal(review.itemReviewed.appearance?.[2]?.headline, 'Article');
    assert.equal(review.itemReviewed.firstAppearance?.url, 'https://early.example/');
    assert.equal(review.itemReviewed.datePublished, '2026-05-01T00:00:00.000Z');
    assert.equal(review.itemReviewed.appearance?.[3]?.publisher, undefined);
  });

  it('omits what it does not know: claimant, appearances, rationale', () => {
    const review = toClaimReview(
      makeClaim('c', { claimant: null, appearances: [], rationale: '  ' }),
      CONFIG,
    );
    assert.ok(review);
    assert.deepEqual(review.itemReviewed, { '@type': 'Claim' });
    assert.equal(review.reviewBody, undefined);
  });

  it('uses the claimant type callback and the language option', () => {
    const review = toClaimReview(makeClaim('c', { claimant: 'Acme' }), CONFIG, {
      claimantType: () => 'Organization',
      language: 'ru',
    });
    assert.deepEqual(review?.itemReviewed.author, { '@type': 'Organization', name: 'Acme' });
    assert.equal(review?.inLanguage, 'ru');
  });
});

describe('guessClaimantType', () => {
  for (const c of CLAIMANT_CASES) {
    it(`${c.claimant} -> ${c.type}`, () => assert.equal(guessClaimantType(c.claimant), c.type));
  }
});

describe('toClaimReviewJsonLd', () => {
  it('streams a JSON array, skipping UNVERIFIED and unapproved claims', async () => {
    const claims = VERDICTS.map((verdict) => makeClaim(`c-${verdict}`, { verdict }));
    claims.push(makeClaim('draft', { reviewState: 'DRAFT', approvedAt: null }));
    const parsed = JSON.parse(
      await collectChunks(toClaimReviewJsonLd(claims, CONFIG)),
    ) as ClaimReviewJsonLd[];
    assert.equal(parsed.length, VERDICTS.length - 1);
    for (const review of parsed) assertGoogleFields(review);
    assert.ok(!parsed.some((r) => r.url.endsWith('c-UNVERIFIED')));
    const all = JSON.parse(
      [...toClaimReviewJsonLdSync(claims, CONFIG, { filter: 'all' })].join(''),
    ) as unknown[];
    assert.equal(all.length, VERDICTS.length);
  });

  it('can be pasted into a <script type="application/ld+json"> element: no user text closes it', async () => {
    // ClaimReview is made to be embedded in the fact-check's page; an HTML parser ends a script
    // element at the first "</script", whatever the JSON around it says.
    const hostile = '</script><script>alert(document.cookie)</script><!-- \u2028 & >';
    const claim = makeClaim('hostile', {
      text: `Crime fell ${hostile}`,
      claimant: `Mayor ${hostile}`,
      rationale: hostile,
    });
    for (const out of [
      await collectChunks(toClaimReviewJsonLd([claim], CONFIG)),
      [...toClaimReviewJsonLdSync([claim], CONFIG)].join(''),
    ]) {
      assert.doesNotMatch(out, /<\/?script|<!--|[<>&\u2028\u2029]/i);
      // The same data, escaped as JSON: a JSON-LD reader sees the words as written.
      const [review] = JSON.parse(out) as ClaimReviewJsonLd[];
      assert.equal(review!.claimReviewed, `Crime fell ${hostile}`);
    }
  });
});

describe('claimReviewWarnings', () => {
  const codes = (claim: Parameters<typeof claimReviewWarnings>[0]) =>
    claimReviewWarnings(claim).map((w) => w.code);

  it('has nothing to say about a complete approved claim', () => {
    assert.deepEqual(codes(makeClaim('ok')), []);
  });

  it(`warns when claimReviewed is over ${CLAIM_REVIEWED_MAX_CHARS} characters`, () => {
    assert.deepEqual(codes(makeClaim('a', { text: 'x'.repeat(CLAIM_REVIEWED_MAX_CHARS) })), []);
    assert.deepEqual(codes(makeClaim('b', { text: 'x'.repeat(CLAIM_REVIEWED_MAX_CHARS + 1) })), [
      'CLAIM_REVIEWED_TOO_LONG',
    ]);
    assert.deepEqual(
      codes(makeClaim('c', { text: '😀'.repeat(CLAIM_REVIEWED_MAX_CHARS) })),
      [],
      'counts characters, not UTF-16 units',
    );
  });

  it('flags missing appearance URLs, dates and claimant', () => {
    assert.deepEqual(codes(makeClaim('a', { appearances: [] })), [
      'NO_APPEARANCE_URL',
      'NO_APPEARANCE_DATE',
    ]);
    assert.deepEqual(
      codes(makeClaim('b', { appearances: [appearance({ sourceUrl: 'ftp://x' })] })),
      ['INVALID_APPEARANCE_URL', 'NO_APPEARANCE_URL'],
    );
    assert.deepEqual(codes(makeClaim('c', { appearances: [appearance({ publishedAt: null })] })), [
      'NO_APPEARANCE_DATE',
    ]);
    assert.deepEqual(codes(makeClaim('d', { claimant: ' ' })), ['NO_CLAIMANT']);
  });

  it('explains why a claim is not exported', () => {
    assert.deepEqual(codes(makeClaim('a', { verdict: 'UNVERIFIED' })), ['UNVERIFIED']);
    assert.deepEqual(codes(makeClaim('b', { reviewState: 'SUBMITTED', approvedAt: null })), [
      'NOT_APPROVED',
    ]);
    assert.deepEqual(codes(makeClaim('c', { text: '  ' })), ['CLAIM_REVIEWED_EMPTY']);
    const errors = claimReviewWarnings(makeClaim('d', { verdict: 'UNVERIFIED' }));
    assert.equal(errors[0]?.severity, 'error');
  });

  it('notes textual-only ratings', () => {
    const warnings = claimReviewWarnings(makeClaim('a', { verdict: 'UNPROVEN' }));
    assert.deepEqual(
      warnings.map((w) => [w.code, w.severity]),
      [['NO_NUMERIC_RATING', 'info']],
    );
  });
});
