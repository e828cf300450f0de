import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicateParagraphs } from './find-duplicates';

const FULL =
  'In her statement, Abdykalikova emphasised the support of Kazakhstan for international efforts based on international law geared toward restoring trust between nations, giving all nations equal access to infrastructure, resources and markets, she noted.';
const CUT =
  'In her statement, Abdykalikova emphasised the support of Kazakhstan for international efforts based on international law geared toward restoring trust between nations, giving all nations.';
const OTHER =
  'The second round was attended by 37 people, including representatives of different political offices and several observers.';
const OTHER2 =
  'Earlier this spring, representatives of the opposition publicly asked the government to host talks on the crisis in the region.';

describe('findDuplicateParagraphs', () => {
  it('returns nothing for distinct paragraphs or none', () => {
    assert.deepEqual(findDuplicateParagraphs([]), []);
    assert.deepEqual(findDuplicateParagraphs([FULL, OTHER, OTHER2]), []);
  });

  it('flags an exact repeat (ignoring case, punctuation and spacing), keeping the first', () => {
    const copy = OTHER.toUpperCase().replace(/,/g, '').replace(/ /g, '  ');
    assert.deepEqual(findDuplicateParagraphs([OTHER, OTHER2, copy]), [
      { index: 2, duplicateOf: 0, kind: 'exact', jaccard: 1, containment: 1 },
    ]);
  });

  it('flags a cut-short copy and keeps the longer one, whichever comes first', () => {
    const [match] = findDuplicateParagraphs([OTHER, CUT, FULL]);
    assert.equal(match!.index, 1);
    assert.equal(match!.duplicateOf, 2);
    assert.equal(match!.kind, 'contained');
    assert.equal(match!.containment, 1);
    assert.ok(match!.jaccard < 0.9);

    const [reversed] = findDuplicateParagraphs([FULL, OTHER, CUT]);
    assert.deepEqual([reversed!.index, reversed!.duplicateOf], [2, 0]);
  });

  it('flags a near copy with one word changed', () => {
    const edited = OTHER.replace('several', 'many');
    const [match] = findDuplicateParagraphs([OTHER, edited]);
    assert.equal(match!.kind, 'near');
    assert.ok(match!.jaccard >= 0.6 && match!.jaccard < 0.8);
    // Equal length apart from the edit: the longer (the original, "several") is kept.
    assert.deepEqual([match!.index, match!.duplicateOf], [1, 0]);
  });

  it('groups three copies and keeps the longest', () => {
    const matches = findDuplicateParagraphs([CUT, FULL, CUT + ' ']);
    assert.deepEqual(
      matches.map((m) => [m.index, m.duplicateOf]),
      [
        [0, 1],
        [2, 1],
      ],
    );
  });

  it('ignores short repeats and short contained phrases', () => {
    assert.deepEqual(findDuplicateParagraphs(['Reply', OTHER, 'Reply']), []);
    assert.deepEqual(
      findDuplicateParagraphs([
        'the talks resumed in Astana',
        FULL + ' The talks resumed in Astana.',
      ]),
      [],
    );
  });

  it('honours custom thresholds', () => {
    const rewritten =
      'The second round was attended by 37 people, most of them journalists, diplomats and members of local groups.';
    assert.deepEqual(findDuplicateParagraphs([OTHER, rewritten]), []);
    assert.equal(findDuplicateParagraphs([OTHER, rewritten], { nearJaccard: 0.15 }).length, 1);
  });

  it('stays fast on thousands of paragraphs (indexed, not all pairs)', () => {
    const paragraphs: string[] = [];
    for (let i = 0; i < 6000; i++) {
      paragraphs.push(
        `Paragraph number ${i} reports that item ${i * 7} cost ${i * 13} euros in district ${i % 97}.`,
      );
    }
    paragraphs.push(paragraphs[10]!);
    const started = performance.now();
    const matches = findDuplicateParagraphs(paragraphs);
    const elapsed = performance.now() - started;
    assert.deepEqual(
      matches.map((m) => [m.index, m.duplicateOf]),
      [[6000, 10]],
    );
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  });
});
