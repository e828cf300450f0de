import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeTextQuote } from './describe';
import { ARTICLE, anchorPhrase, locate, replacePhrase } from './fixtures/index';
import {
  CONFIDENCE_FLOOR,
  MAX_CANDIDATES,
  type QuoteMatch,
  matchTextQuote,
  scoreTextQuoteMatch,
} from './match-quote';
import { MATCH_CASES } from './match-quote-cases';
import { isCodePointBoundary } from './unicode';

/** Ranked, non-overlapping, scores in [0, 1], spans within the text. */
function assertWellFormed(text: string, matches: readonly QuoteMatch[]): void {
  for (const [index, match] of matches.entries()) {
    assert.ok(match.score >= 0 && match.score <= 1, `score ${match.score}`);
    assert.ok(0 <= match.start && match.start < match.end && match.end <= text.length);
    assert.ok(isCodePointBoundary(text, match.start) && isCodePointBoundary(text, match.end));
    const previous = matches[index - 1];
    if (previous) assert.ok(previous.score >= match.score, 'ranked best first');
    for (const other of matches.slice(0, index)) {
      assert.ok(match.end <= other.start || other.end <= match.start, 'no overlap');
    }
  }
}

describe('matchTextQuote cases', () => {
  for (const testCase of MATCH_CASES) {
    it(testCase.name, () => {
      const { anchor, text, hint, best, minScore, maxScore = 1 } = testCase;
      const matches = matchTextQuote(text, anchor, { hint });
      assertWellFormed(text, matches);
      const top = matches[0];
      assert.ok(top, 'a match');
      const start = locate(text, best.phrase, best.occurrence);
      assert.deepEqual(
        { start: top.start, end: top.end },
        { start, end: start + best.phrase.length },
        `found ${JSON.stringify(text.slice(top.start, top.end))}`,
      );
      assert.ok(top.score >= minScore && top.score <= maxScore, `score ${top.score}`);
    });
  }
});

describe('matchTextQuote', () => {
  it('returns no match for an empty quote', () => {
    assert.deepEqual(matchTextQuote(ARTICLE, { exact: '', prefix: 'a', suffix: 'b' }), []);
  });

  it('returns no match in an empty text', () => {
    assert.deepEqual(matchTextQuote('', anchorPhrase(ARTICLE, 'Astana')), []);
  });

  it('returns no match when nothing is within half the quote of it', () => {
    const quote = { exact: 'zqxjkv wvzqx', prefix: '', suffix: '' };
    assert.deepEqual(matchTextQuote(ARTICLE, quote), []);
  });

  it('ranks every exact repeat of a phrase, the one with matching context first', () => {
    const anchor = anchorPhrase(ARTICLE, 'second round', 3);
    const matches = matchTextQuote(ARTICLE, anchor, { hint: 0 });
    assertWellFormed(ARTICLE, matches);
    assert.equal(matches.length, 4);
    assert.equal(matches[0]!.start, locate(ARTICLE, 'second round', 3));
    assert.equal(matches[0]!.score, 1 - (2 / 92) * (matches[0]!.start / ARTICLE.length));
    for (const match of matches.slice(1)) assert.ok(match.score < CONFIDENCE_FLOOR + 0.1);
  });

  it('returns at most maxCandidates matches', () => {
    const anchor = anchorPhrase(ARTICLE, 'the', 5);
    assert.equal(matchTextQuote(ARTICLE, anchor).length, MAX_CANDIDATES);
    assert.equal(matchTextQuote(ARTICLE, anchor, { maxCandidates: 2 }).length, 2);
  });

  it('offers several places for a quote that is gone, all well below the floor', () => {
    const anchor = anchorPhrase(ARTICLE, 'involved representatives of a higher level');
    const text = replacePhrase(
      ARTICLE,
      'The secretary of state noted that this round of talks involved representatives of a ' +
        'higher level than previous discussions.\n',
      '',
    );
    const matches = matchTextQuote(text, anchor, { hint: anchor.start });
    assertWellFormed(text, matches);
    assert.ok(matches.length >= 2);
    assert.ok(matches[0]!.score < CONFIDENCE_FLOOR);
  });

  it('offers the text between the intact prefix and suffix when the quote was rewritten', () => {
    const anchor = anchorPhrase(ARTICLE, 'signed by 29 of the 37 participants');
    const text = replacePhrase(ARTICLE, '29 of the 37 participants', 'a majority of attendees');
    const matches = matchTextQuote(text, anchor, { hint: anchor.start });
    const start = locate(text, 'signed by a majority of attendees');
    assert.deepEqual(
      { start: matches[0]!.start, end: matches[0]!.end },
      { start, end: start + 'signed by a majority of attendees'.length },
    );
  });

  it('never returns a span that splits a surrogate pair', () => {
    const oldText = 'Reactions: 😀 great talks in Astana 😀 and more talk';
    const anchor = describeTextQuote(oldText, { start: 11, end: 35 });
    // The first emoji changed: the low surrogates differ, the high ones do not.
    const text = oldText.replace('😀 great', '😁 great');
    const matches = matchTextQuote(text, anchor, { hint: 11 });
    assertWellFormed(text, matches);
    assert.equal(text.slice(matches[0]!.start, matches[0]!.end), '😁 great talks in Astana');
  });

  it('finds a one-word quote with intact context among hundreds of repeats far from the hint', () => {
    const filler = 'Astana again. '.repeat(800);
    const oldText = `${filler}The talks in Astana were mediated.`;
    const start = locate(oldText, 'Astana were');
    const anchor = describeTextQuote(oldText, { start, end: start + 'Astana'.length });
    const text = `Preface. ${oldText}`;
    const [best] = matchTextQuote(text, anchor, { hint: 0 });
    assert.equal(best!.start, locate(text, 'Astana were'));
  });
});

describe('scoreTextQuoteMatch', () => {
  const anchor = anchorPhrase(ARTICLE, 'Kazakhstan supports efforts by the UN');

  it('is 1 for the unchanged quote with its context at the expected place', () => {
    assert.equal(scoreTextQuoteMatch(ARTICLE, anchor, anchor, { hint: anchor.start }), 1);
  });

  it('drops slightly with distance from the hint, as a tie-breaker only', () => {
    const score = scoreTextQuoteMatch(ARTICLE, anchor, anchor, { hint: 0 });
    assert.ok(score < 1 && score > 0.98);
  });

  it('counts edits inside the quote when no error count is given', () => {
    const text = replacePhrase(ARTICLE, 'supports', 'support');
    const range = { start: anchor.start, end: anchor.end - 1 };
    const score = scoreTextQuoteMatch(text, anchor, range, { hint: anchor.start });
    assert.equal(score, (50 * (1 - 1 / anchor.exact.length) + 42) / 92);
  });

  it('lets a long unchanged quote with rewritten surroundings pass the floor, not a short one', () => {
    const long = anchorPhrase(
      ARTICLE,
      'Kazakhstan hopes talks between the Syrian authorities and the opposition in the ' +
        'framework of the Geneva process will continue',
    );
    const short = anchorPhrase(ARTICLE, 'Nazarbayev accepted their proposal.');
    // Rewrite the sentences on both sides of each quote.
    const text = ARTICLE.replace(
      'Abdykalikova offered opening remarks.\n',
      'Abdykalikova spoke first, briefly.\n',
    )
      .replace(', Abdykalikova said, addressing', ' — she told the delegates, addressing')
      .replace(
        'This spring, representatives of the Syrian opposition publicly asked Kazakhstan to ' +
          'host talks on the crisis. ',
        'In April a request came in writing. ',
      )
      .replace(' Following intense and complicated negotiations', ' Weeks of work followed, and');
    const at = (phrase: string) => {
      const start = locate(text, phrase);
      return { start, end: start + phrase.length };
    };
    assert.ok(scoreTextQuoteMatch(text, long, at(long.exact)) >= CONFIDENCE_FLOOR);
    assert.ok(scoreTextQuoteMatch(text, short, at(short.exact)) < CONFIDENCE_FLOOR);
  });
});
