import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANCHOR_STATES } from '../domain';
import { describeTextQuote } from './describe';
import {
  ARTICLE,
  anchorPhrase,
  createRandom,
  createTextGenerator,
  locate,
  replacePhrase,
} from './fixtures/index';
import { EDITORS_NOTE, createRepeatedTextWorkload } from './fixtures/repeated';
import { CONFIDENCE_FLOOR, MAX_CANDIDATES } from './match-quote';
import { type ReanchorResult, reanchor, reanchorOne, summarizeAnchorStates } from './reanchor';
import { REANCHOR_CASES } from './reanchor-cases';
import type { TextAnchor } from './selectors';
import { toCodePointOffset } from './unicode';

/**
 * The invariants every result keeps: anchored results carry selectors recomputed on the new
 * text, with a state that matches what changed and a score at or above the floor; orphans keep
 * the old quote and offer ranked, non-overlapping candidates below the floor.
 */
function assertConsistent(newText: string, old: TextAnchor, result: ReanchorResult): void {
  if (result.state === 'ORPHANED') {
    assert.deepEqual(result.quote, { exact: old.exact, prefix: old.prefix, suffix: old.suffix });
    assert.ok(result.candidates.length <= MAX_CANDIDATES);
    result.candidates.forEach(({ anchor, score }, index) => {
      assert.deepEqual(anchor, describeTextQuote(newText, anchor));
      assert.ok(score >= 0 && score < CONFIDENCE_FLOOR, `candidate score ${score}`);
      const previous = result.candidates[index - 1];
      if (previous) assert.ok(previous.score >= score);
      for (const other of result.candidates.slice(0, index)) {
        assert.ok(anchor.end <= other.anchor.start || other.anchor.end <= anchor.start);
      }
    });
    return;
  }
  const { anchor, score, state } = result;
  assert.deepEqual(anchor, describeTextQuote(newText, anchor));
  assert.ok(score >= CONFIDENCE_FLOOR && score <= 1, `score ${score}`);
  if (state === 'FUZZY') assert.notEqual(anchor.exact, old.exact);
  else assert.equal(anchor.exact, old.exact);
  if (state === 'EXACT') assert.equal(anchor.start, old.start);
  if (state === 'MOVED') assert.notEqual(anchor.start, old.start);
}

describe('reanchor cases', () => {
  for (const testCase of REANCHOR_CASES) {
    it(testCase.name, () => {
      const { oldText = ARTICLE, phrase, occurrence, revise, state, lands } = testCase;
      const { minScore = 0, maxScore = 1 } = testCase;
      const old = anchorPhrase(oldText, phrase, occurrence);
      const newText = revise(oldText);
      const results = reanchor(oldText, newText, [old]);
      assert.equal(results.length, 1);
      const result = results[0]!;
      assertConsistent(newText, old, result);
      assert.equal(result.state, state, JSON.stringify(result));

      const placed = result.state === 'ORPHANED' ? result.candidates[0] : result;
      if (lands) {
        const start = locate(newText, lands.phrase, lands.occurrence);
        assert.ok(placed, 'a place');
        assert.deepEqual(
          { start: placed.anchor.start, end: placed.anchor.end },
          { start, end: start + lands.phrase.length },
          `landed on ${JSON.stringify(placed.anchor.exact)}`,
        );
      }
      // An orphan with a score bound must have a candidate to hold to it.
      if (testCase.maxScore !== undefined) assert.ok(placed, 'a candidate');
      if (placed) {
        assert.ok(placed.score >= minScore && placed.score <= maxScore, `score ${placed.score}`);
      }
    });
  }
});

describe('reanchor', () => {
  it('returns EXACT with unchanged selectors for every annotation on an identical text', () => {
    const anchors: TextAnchor[] = [];
    // Every sentence, plus spans that start and end anywhere (mid-word, across lines).
    for (const match of ARTICLE.matchAll(/[^.\n]+[.\n]/g)) {
      anchors.push(
        describeTextQuote(ARTICLE, { start: match.index, end: match.index + match[0].length }),
      );
    }
    const random = createRandom(42);
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(random() * (ARTICLE.length - 1));
      const end = Math.min(ARTICLE.length, start + 1 + Math.floor(random() * 80));
      anchors.push(describeTextQuote(ARTICLE, { start, end }));
    }
    const results = reanchor(ARTICLE, ARTICLE, anchors);
    assert.equal(results.length, anchors.length);
    results.forEach((result, index) => {
      assert.equal(result.state, 'EXACT');
      assert.deepEqual(result, { state: 'EXACT', anchor: anchors[index], score: 1 });
    });
  });

  it('returns one result per annotation, in input order, for unsorted and repeated input', () => {
    const late = anchorPhrase(ARTICLE, 'Nazarbayev accepted their proposal.');
    const early = anchorPhrase(ARTICLE, 'Randa Kassis');
    const gone = anchorPhrase(ARTICLE, 'involved representatives of a higher level');
    const newText = `Intro.\n${ARTICLE.replace('involved representatives of a higher level', 'met')}`;
    const results = reanchor(ARTICLE, newText, [late, gone, early, late]);
    assert.deepEqual(
      results.map((result) => result.state),
      ['MOVED', 'ORPHANED', 'MOVED', 'MOVED'],
    );
    results.forEach((result, index) =>
      assertConsistent(newText, [late, gone, early, late][index]!, result),
    );
    assert.deepEqual(results[0], results[3]);
  });

  it('returns an empty list for no annotations', () => {
    assert.deepEqual(reanchor(ARTICLE, '', []), []);
  });

  it('reports offsets in UTF-16 code units after an emoji, convertible to code points', () => {
    const old = anchorPhrase(ARTICLE, 'Kazakhstan hopes talks');
    const newText = `😀 ${ARTICLE}`;
    const [result] = reanchor(ARTICLE, newText, [old]);
    assert.equal(result!.state, 'MOVED');
    const { anchor } = result as { anchor: TextAnchor };
    assert.equal(anchor.start, old.start + 3);
    assert.equal(toCodePointOffset(newText, anchor.start), old.start + 2);
  });

  it('maps an annotation on a doubled paragraph onto its own copy through edits at both ends', () => {
    // Edits at both ends leave the doubled paragraph in the middle with no common prefix or
    // suffix; the diff still maps it to its own copy.
    const before = anchorPhrase(ARTICLE, 'The October talks were mediated');
    const second = anchorPhrase(ARTICLE, 'Nazarbayev proposed a Global Strategic Initiative', 1);
    const newText = `${'Background. '.repeat(60)}\n${ARTICLE}\nEnd.`;
    const [, moved] = reanchor(ARTICLE, newText, [before, second]);
    assert.equal(moved!.state, 'MOVED');
    const expected = locate(newText, 'Nazarbayev proposed a Global Strategic Initiative', 1);
    assert.equal((moved as { anchor: TextAnchor }).anchor.start, expected);
    // Alone, with only its old offset as a hint, it would take the nearer first copy.
    const alone = reanchorOne(newText, second);
    assert.equal(
      (alone as { anchor: TextAnchor }).anchor.start,
      locate(newText, 'Nazarbayev proposed a Global Strategic Initiative', 0),
    );
  });

  it('orphans the annotations of a deleted section of a long text and places the others', () => {
    const oldText = createTextGenerator(createRandom(5)).article(8000);
    const anchors: TextAnchor[] = [];
    for (let at = 100; at < oldText.length - 200; at += 500) {
      const start = oldText.indexOf(' ', at) + 1;
      anchors.push(describeTextQuote(oldText, { start, end: oldText.indexOf(' ', start + 30) }));
    }
    const cutStart = Math.floor(oldText.length * 0.4);
    const cutEnd = Math.floor(oldText.length * 0.6);
    const newText = oldText.slice(0, cutStart) + oldText.slice(cutEnd);
    const results = reanchor(oldText, newText, anchors);
    const states = results.map((result, index) => {
      const old = anchors[index]!;
      assertConsistent(newText, old, result);
      if (old.start >= cutStart && old.end <= cutEnd) return `inside:${result.state}`;
      const touched =
        old.end + old.suffix.length > cutStart && old.start - old.prefix.length < cutEnd;
      return touched ? 'edge' : `outside:${result.state === 'ORPHANED' ? 'ORPHANED' : 'placed'}`;
    });
    assert.deepEqual([...new Set(states.filter((state) => state !== 'edge'))].sort(), [
      'inside:ORPHANED',
      'outside:placed',
    ]);
    assert.ok(states.filter((state) => state === 'inside:ORPHANED').length > 20);
  });

  it('never applies a fuzzy match below the floor, even the only candidate', () => {
    const old = anchorPhrase(ARTICLE, 'food and medicine [shortages]');
    const newText = replacePhrase(
      ARTICLE,
      'food and medicine [shortages]',
      'food and drug supplies',
    );
    const [result] = reanchor(ARTICLE, newText, [old]);
    assert.equal(result!.state, 'ORPHANED');
    assertConsistent(newText, old, result!);
  });

  it('flips from FUZZY to ORPHANED exactly where the score crosses the floor', () => {
    const phrase = 'Kazakhstan supports efforts by the UN, the League of Arab States';
    const start = locate(ARTICLE, phrase);
    const old = describeTextQuote(ARTICLE, { start, end: start + phrase.length });
    // Without a prefix to vouch for the place, a few typos are enough to cross the floor.
    const prefixStart = start - old.prefix.length;
    const noPrefix =
      ARTICLE.slice(0, prefixStart) + 'Z'.repeat(old.prefix.length) + ARTICLE.slice(start);
    const withTypos = (count: number) => {
      const chars = [...phrase];
      for (let i = 0; i < count; i++) chars[2 + 3 * i] = '#';
      return noPrefix.slice(0, start) + chars.join('') + noPrefix.slice(start + phrase.length);
    };
    let typos = 0;
    let previous: ReanchorResult | undefined;
    let current = reanchorOne(withTypos(typos), old);
    while (current.state !== 'ORPHANED' && typos < 20) {
      previous = current;
      typos += 1;
      current = reanchorOne(withTypos(typos), old);
    }
    assert.ok(typos >= 2 && typos < 20, `crossed at ${typos} typos`);
    assert.ok(previous && previous.state === 'FUZZY');
    assert.ok(previous.score >= CONFIDENCE_FLOOR && previous.score < CONFIDENCE_FLOOR + 0.02);
    assert.equal(current.state, 'ORPHANED');
    const [top] = current.candidates;
    assert.ok(top && top.score < CONFIDENCE_FLOOR && top.score > CONFIDENCE_FLOOR - 0.02);
    assert.equal(top.anchor.start, previous.anchor.start);
  });

  it('orphans a typo fix when asked for a higher floor, with the fixed text as top candidate', () => {
    const old = anchorPhrase(ARTICLE, 'or be reforming clauses of the constitution');
    const newText = replacePhrase(ARTICLE, 'or be reforming', 'or by reforming');
    const [result] = reanchor(ARTICLE, newText, [old], { minScore: 0.995 });
    assert.equal(result!.state, 'ORPHANED');
    const candidates = result!.state === 'ORPHANED' ? result!.candidates : [];
    assert.equal(candidates[0]?.anchor.exact, 'or by reforming clauses of the constitution');
  });

  it('keeps at most maxCandidates candidates for an orphan', () => {
    const old = anchorPhrase(ARTICLE, 'involved representatives of a higher level');
    const newText = ARTICLE.replace('involved representatives of a higher level', '');
    const [result] = reanchor(ARTICLE, newText, [old], { maxCandidates: 1 });
    assert.equal(result!.state === 'ORPHANED' && result!.candidates.length, 1);
  });

  it('recomputes the context with the requested length', () => {
    const old = anchorPhrase(ARTICLE, 'Randa Kassis');
    const [result] = reanchor(ARTICLE, `X ${ARTICLE}`, [old], { contextLength: 8 });
    assert.ok(result!.state === 'MOVED');
    assert.equal(result!.anchor.prefix, 'itician ');
    assert.equal(result!.anchor.suffix, ', who wa');
  });
});

describe('reanchor on text that repeats', () => {
  it('puts every quote of the repeated-text workload on its own place, edited ones FUZZY', () => {
    const { oldText, newText, anchors, expected } = createRepeatedTextWorkload();
    const results = reanchor(oldText, newText, anchors);
    const wrong = results.flatMap((result, index) => {
      const want = expected[index]!;
      const state = want.edited ? 'FUZZY' : 'MOVED';
      const placed =
        result.state !== 'ORPHANED' &&
        result.state === state &&
        result.anchor.start === want.start &&
        result.anchor.end === want.end;
      return placed ? [] : [`#${index} ${result.state} (want ${state} at ${want.start})`];
    });
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${anchors.length} misplaced`);
    results.forEach((result, index) => assertConsistent(newText, anchors[index]!, result));
    assert.ok(expected.filter((want) => want.edited).length >= anchors.length / 10);
  });

  it('keeps an edited quote FUZZY at its own place although an unedited copy exists', () => {
    const paragraph = 'The ministry said the talks would resume in the spring, officials said.';
    const oldText = `Opening line.\n${paragraph}\nA middle line.\n${paragraph}\nClosing line.`;
    const old = anchorPhrase(oldText, 'the talks would resume in the spring', 1);
    const newText = `${EDITORS_NOTE}${replacePhrase(oldText, 'resume', 'resumé', 1)}`;
    const [result] = reanchor(oldText, newText, [old]);
    assert.equal(result!.state, 'FUZZY', JSON.stringify(result));
    const start = locate(newText, 'the talks would resumé in the spring');
    assert.equal((result as { anchor: TextAnchor }).anchor.start, start);
  });

  it('never lets one misplaced annotation move the next one', () => {
    // The first sentence of the second copy is rewritten, so its annotation can only go to the
    // first copy; the next sentence, unchanged in the second copy, must stay there.
    const first = 'Nazarbayev proposed a Global Strategic Initiative for the coming decade.';
    const next = 'The plan was welcomed by most of the delegations present in Astana.';
    const filler = (n: number) => `${'Background paragraph. '.repeat(n)}\n`;
    const oldText = `${filler(3)}${first} ${next}\n${filler(40)}${first} ${next}\n${filler(3)}`;
    const a = anchorPhrase(oldText, first, 1);
    const b = anchorPhrase(oldText, next, 1);
    const newText = replacePhrase(oldText, first, 'A wholly different opening sentence here.', 1);
    const [placedA, placedB] = reanchor(oldText, newText, [a, b]);
    // Forced: the rewritten sentence's only good place is the other copy.
    assert.equal(placedA!.state, 'MOVED');
    assert.equal((placedA as { anchor: TextAnchor }).anchor.start, locate(newText, first, 0));
    assert.ok(placedB && placedB.state !== 'ORPHANED');
    assert.equal(placedB.anchor.start, locate(newText, next, 1));
    // And the same result as when it is re-anchored alone.
    assert.deepEqual(placedB, reanchor(oldText, newText, [b])[0]);
  });
});

describe('reanchorOne', () => {
  it('orphans an annotation whose stored quote is empty, without candidates', () => {
    const result = reanchorOne(ARTICLE, { start: 5, end: 5, exact: '', prefix: '', suffix: '' });
    assert.deepEqual(result, {
      state: 'ORPHANED',
      quote: { exact: '', prefix: '', suffix: '' },
      candidates: [],
    });
  });

  it('finds a quote whose stored offsets lie past the end of the new text', () => {
    const old = anchorPhrase(ARTICLE, '“Astana Declaration for a Political Solution in Syria.”');
    const newText = ARTICLE.slice(400);
    const result = reanchorOne(newText, old);
    assert.equal(result.state, 'MOVED');
    assertConsistent(newText, old, result);
  });

  it('takes the quote at the hint when its context stands there unchanged', () => {
    const old = anchorPhrase(ARTICLE, 'Randa Kassis');
    const newText = `Breaking: ${ARTICLE}`;
    const result = reanchorOne(newText, old, { hint: old.start + 10 });
    assert.deepEqual(result, {
      state: 'MOVED',
      anchor: describeTextQuote(newText, { start: old.start + 10, end: old.end + 10 }),
      score: 1,
    });
  });
});

describe('summarizeAnchorStates', () => {
  it('counts results per state, listing every state', () => {
    const old = anchorPhrase(ARTICLE, 'Randa Kassis');
    const results: ReanchorResult[] = [
      { state: 'EXACT', anchor: old, score: 1 },
      { state: 'MOVED', anchor: old, score: 1 },
      { state: 'MOVED', anchor: old, score: 0.9 },
      { state: 'ORPHANED', quote: old, candidates: [] },
    ];
    assert.deepEqual(summarizeAnchorStates(results), {
      EXACT: 1,
      MOVED: 2,
      FUZZY: 0,
      ORPHANED: 1,
    });
  });

  it('gives zero for every state when there are no results', () => {
    assert.deepEqual(
      summarizeAnchorStates([]),
      Object.fromEntries(ANCHOR_STATES.map((state) => [state, 0])),
    );
  });
});

describe('reanchor under random edits', () => {
  interface Edit {
    at: number;
    remove: number;
    insert: string;
  }

  const WORDS = ['Astana', 'talks', '😀', 'Kazakhstan’s', '“quoted”', 'Oct. 2–4', 'and', '\n'];

  it('keeps every invariant, and places every annotation whose quote and context survived', () => {
    const random = createRandom(2015);
    for (let round = 0; round < 40; round++) {
      const anchors: TextAnchor[] = [];
      for (let i = 0; i < 12; i++) {
        let start = Math.floor(random() * (ARTICLE.length - 60));
        let end = start + 5 + Math.floor(random() * 50);
        // Keep the random spans on whole words, as an editor's selection usually is.
        start = ARTICLE.lastIndexOf(' ', start) + 1;
        end = Math.max(
          start + 1,
          ARTICLE.indexOf(' ', end) === -1 ? end : ARTICLE.indexOf(' ', end),
        );
        anchors.push(describeTextQuote(ARTICLE, { start, end }));
      }
      // Where each annotation's quote should now be, or null once an edit touched it or its context.
      const tracked: (number | null)[] = anchors.map((anchor) => anchor.start);
      let newText = ARTICLE;
      for (let e = 0; e < 1 + Math.floor(random() * 4); e++) {
        const edit: Edit = {
          at: Math.floor(random() * newText.length),
          remove: random() < 0.5 ? 0 : Math.floor(random() * 40),
          insert: Array.from(
            { length: Math.floor(random() * 5) },
            () => WORDS[Math.floor(random() * WORDS.length)],
          ).join(' '),
        };
        // Never cut an emoji in half: that would be a broken text, not an edit.
        while (edit.at > 0 && !isBoundary(newText, edit.at)) edit.at -= 1;
        while (!isBoundary(newText, edit.at + edit.remove)) edit.remove += 1;
        newText = newText.slice(0, edit.at) + edit.insert + newText.slice(edit.at + edit.remove);
        anchors.forEach((anchor, index) => {
          const start = tracked[index];
          if (start === undefined || start === null) return;
          const windowStart = start - anchor.prefix.length;
          const windowEnd = start + anchor.exact.length + anchor.suffix.length;
          if (edit.at + edit.remove <= windowStart) {
            tracked[index] = start + edit.insert.length - edit.remove;
          } else if (edit.at < windowEnd) {
            tracked[index] = null;
          }
        });
      }

      const results = reanchor(ARTICLE, newText, anchors);
      assert.equal(results.length, anchors.length);
      results.forEach((result, index) => {
        const old = anchors[index]!;
        assertConsistent(newText, old, result);
        const expected = tracked[index];
        if (expected === null || expected === undefined) return;
        assert.ok(result.state === 'EXACT' || result.state === 'MOVED', `round ${round}`);
        const whole = old.prefix + old.exact + old.suffix;
        if (newText.indexOf(whole) === newText.lastIndexOf(whole)) {
          assert.equal(result.anchor.start, expected, `round ${round}`);
        }
      });
    }
  });
});

function isBoundary(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return !(code >= 0xdc00 && code <= 0xdfff);
}
