import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Segment } from '@/lib/search/highlight';
import { SEARCH_MAX_OFFSET, SEARCH_PAGE_SIZE } from '@/lib/search/types';
import { createArticle } from '../articles-create';
import { createClaim, updateClaim } from '../claims';
import { reviseArticle } from '../revisions';
import { sha256Hex } from '@/lib/text';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import { createUser, type SessionUser } from '../users';
import { searchArticles, searchClaims } from './search';

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);
const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');

const BODY =
  'The delegations met in Astana for two days.\nNegotiators discussed the desalination plant near Aktau and its financing.\nThe talks ended without a joint statement.';

describe('search against PostgreSQL', () => {
  let db: TestDatabase;
  let editor: SessionUser;
  let article: Awaited<ReturnType<typeof createArticle>>;

  before(async () => {
    db = await createTestDatabase('search');
    const user = await createUser(
      db.prisma,
      { email: 'ed@search.test', name: 'Ed', role: 'EDITOR', password: 'long enough pw' },
      null,
    );
    editor = { id: user.id, email: user.email, name: user.name, role: user.role };
    article = await createArticle(db.prisma, editor, {
      title: 'Second round of talks',
      text: BODY,
    });
    await createArticle(db.prisma, editor, {
      title: 'Desalination in the Caspian region',
      text: 'A plant is planned.',
    });
    const span = (passage: string) => ({
      articleId: article.id,
      revisionId: article.revision.id,
      start: BODY.indexOf(passage),
      end: BODY.indexOf(passage) + passage.length,
    });
    await createClaim(db.prisma, editor, {
      span: span('met in Astana'),
      claim: {
        text: 'The delegations met in Astana',
        claimant: 'Kassym-Jomart Tokayev',
        verdict: 'TRUE',
        rationale: 'Both foreign ministries confirmed the venue in separate press releases.',
        evidence: [
          {
            url: 'https://example.org/mfa',
            title: 'Ministry statement',
            quote: 'The second round took place in the capital',
            accessedAt: null,
          },
        ],
      },
    });
    await createClaim(db.prisma, editor, {
      span: span('without a joint statement'),
      claim: {
        text: 'No joint statement was issued',
        claimant: 'Anna Petrova',
        verdict: 'UNVERIFIED',
        rationale: '',
        evidence: [],
      },
    });
  });
  after(async () => {
    await db.drop();
  });

  it('finds an article by a word of its body (stemmed), marks the word in an excerpt', async () => {
    const { hits } = await searchArticles(db.prisma, 'negotiator');
    assert.deepEqual(
      hits.map((h) => h.id),
      [article.id],
    );
    assert.deepEqual(marked(hits[0]!.excerpt), ['Negotiators']);
  });

  it('ranks a title match above a body-only match', async () => {
    const { hits } = await searchArticles(db.prisma, 'desalination');
    assert.equal(hits.length, 2);
    assert.equal(plain(hits[0]!.title), 'Desalination in the Caspian region');
    assert.deepEqual(marked(hits[0]!.title), ['Desalination']);
    assert.equal(hits[1]!.id, article.id);
    assert.ok(hits[0]!.rank > hits[1]!.rank);
  });

  it('while typing, matches the last word as a prefix, the others whole', async () => {
    const typing = await searchArticles(db.prisma, 'desal', 0, { typing: true });
    assert.equal(typing.hits.length, 2);
    assert.deepEqual(marked(typing.hits[0]!.title), ['Desalination']);
    const twoWords = await searchArticles(db.prisma, 'Caspian reg', 0, { typing: true });
    assert.deepEqual(marked(twoWords.hits[0]!.title), ['Caspian', 'region']);
    assert.equal(twoWords.hits.length, 1);
    // A finished word (a space after it) is whole again: "desal" is no word of any text.
    assert.equal((await searchArticles(db.prisma, 'desal ', 0, { typing: true })).hits.length, 0);
    const claims = await searchClaims(db.prisma, 'delegations Asta', 0, { typing: true });
    assert.deepEqual(marked(claims.hits[0]!.text), ['delegations', 'Astana']);
  });

  it('a submitted search matches whole words (by their stems), as a search engine does', async () => {
    assert.equal((await searchArticles(db.prisma, 'desal')).hits.length, 0);
    assert.equal((await searchClaims(db.prisma, 'delegations Asta')).hits.length, 0);
    const stem = await searchArticles(db.prisma, 'desalinations');
    assert.equal(stem.hits.length, 2);
    assert.deepEqual(marked(stem.hits[0]!.title), ['Desalination']);
  });

  it('finds a claim by a misspelled claimant and marks the name', async () => {
    const { hits } = await searchClaims(db.prisma, 'Tokaev');
    assert.equal(hits.length, 1);
    assert.equal(plain(hits[0]!.text), 'The delegations met in Astana');
    assert.deepEqual(marked(hits[0]!.claimant), ['Kassym-Jomart Tokayev']);
  });

  it('finds a claim by a rationale phrase and by its evidence quote', async () => {
    const byRationale = await searchClaims(db.prisma, '"press releases"');
    assert.equal(byRationale.hits.length, 1);
    assert.deepEqual(marked(byRationale.hits[0]!.rationale), ['press', 'releases']);
    const byEvidence = await searchClaims(db.prisma, 'capital');
    assert.equal(byEvidence.hits.length, 1);
    assert.deepEqual(marked(byEvidence.hits[0]!.evidence), ['capital']);
    assert.deepEqual(
      byEvidence.hits[0]!.articles.map((a) => a.id),
      [article.id],
    );
    // An excluded word does not hide the evidence that matches.
    const excluding = await searchClaims(db.prisma, 'capital -desalination');
    assert.deepEqual(marked(excluding.hits[0]!.evidence), ['capital']);
    // Parts without the words: no evidence excerpt, the rationale whole and unmarked.
    const byText = await searchClaims(db.prisma, 'Astana');
    assert.deepEqual(byText.hits[0]!.evidence, []);
    assert.equal(
      plain(byText.hits[0]!.rationale),
      'Both foreign ministries confirmed the venue in separate press releases.',
    );
    assert.deepEqual(marked(byText.hits[0]!.rationale), []);
  });

  it('follows edits: the database re-indexes a changed claim', async () => {
    const before = await searchClaims(db.prisma, 'Petrova');
    assert.equal(before.hits.length, 1);
    const claim = before.hits[0]!;
    await updateClaim(db.prisma, editor, claim.id, {
      version: 1,
      rationale: 'Checked against the wire copy from Interfax.',
    });
    const after = await searchClaims(db.prisma, 'interfax');
    assert.deepEqual(
      after.hits.map((h) => h.id),
      [claim.id],
    );
  });

  it('marks a word deep in a long text, and follows a new revision of it', async () => {
    // ~60,000 characters before the word: past what excerpts used to read of a text.
    const filler = 'The committee reviewed the annual figures once more. '.repeat(1200);
    const long = await createArticle(db.prisma, editor, {
      title: 'A long report',
      text: `${filler}Inspectors found a quernstone in the cellar.\n${filler}The flintlock was older.`,
    });
    // Two words pages apart: the excerpt is the passage of the first one, marked.
    const { hits } = await searchArticles(db.prisma, 'quernstone flintlock');
    assert.deepEqual(
      hits.map((h) => h.id),
      [long.id],
    );
    assert.deepEqual(marked(hits[0]!.excerpt), ['quernstone']);
    assert.ok(plain(hits[0]!.excerpt).length < 400);
    await reviseArticle(
      db.prisma,
      editor,
      long.id,
      { baseRevisionId: long.revision.id, text: `${filler}A millstone was found instead.` },
      sha256Hex,
    );
    assert.deepEqual((await searchArticles(db.prisma, 'quernstone')).hits, []);
    const revised = await searchArticles(db.prisma, 'millstone');
    assert.deepEqual(marked(revised.hits[0]!.excerpt), ['millstone']);
  });

  it('keeps markup in the text as text and finds nothing for an unknown word', async () => {
    await createArticle(db.prisma, editor, { title: '<b>Bold</b> claims', text: 'Some text.' });
    const { hits } = await searchArticles(db.prisma, 'bold');
    assert.equal(plain(hits[0]!.title), '<b>Bold</b> claims');
    assert.deepEqual((await searchArticles(db.prisma, 'zyxwvut')).hits, []);
  });

  it('ranks a similar byline whose text also has the word above one whose text has not', async () => {
    const withWord = await createArticle(db.prisma, editor, {
      title: 'Harbour dues',
      byline: 'Tomasz Kowalczyk',
      text: 'The port office under Kovalczyk raised the dues twice.',
    });
    const without = await createArticle(db.prisma, editor, {
      title: 'Grain prices',
      byline: 'Tomasz Kowalczyk',
      text: 'Prices rose in the spring.',
    });
    const { hits } = await searchArticles(db.prisma, 'Kovalczyk');
    assert.deepEqual(
      hits.map((h) => h.id),
      [withWord.id, without.id],
    );
    assert.deepEqual(marked(hits[0]!.excerpt), ['Kovalczyk']);
    assert.deepEqual(hits[1]!.excerpt, []);
    assert.ok(hits[0]!.rank > hits[1]!.rank);
  });

  it('pages to the best 200 of a kind, and the last page offers no next one', async () => {
    for (let n = 1; n <= SEARCH_MAX_OFFSET + SEARCH_PAGE_SIZE + 12; n += 1) {
      await createArticle(db.prisma, editor, { title: `Quillmoor report ${n}`, text: 'Text.' });
    }
    const before = await searchArticles(
      db.prisma,
      'quillmoor',
      SEARCH_MAX_OFFSET - SEARCH_PAGE_SIZE,
    );
    assert.equal(before.hits.length, SEARCH_PAGE_SIZE);
    assert.equal(before.more, true);
    const last = await searchArticles(db.prisma, 'quillmoor', SEARCH_MAX_OFFSET);
    assert.equal(last.hits.length, SEARCH_PAGE_SIZE);
    // More articles match, but a next page would be past the deepest offset the API takes.
    assert.equal(last.more, false);
    const seen = new Set([...before.hits, ...last.hits].map((h) => h.id));
    assert.equal(seen.size, 2 * SEARCH_PAGE_SIZE);
  });
});
