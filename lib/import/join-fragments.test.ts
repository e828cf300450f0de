import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { joinFragments, shouldJoinFragments } from './join-fragments';

const JOIN_CASES: readonly [before: string, after: string, join: boolean, why: string][] = [
  [
    'According to Abdykalikova, Kazakhstan hopes for the continuation of',
    'talks between the Syrian authorities and the opposition.',
    true,
    'open sentence, lower-case continuation',
  ],
  [
    'We have agreed with initiatives to participate in',
    'elections in February 2016,” Kassis added.',
    true,
    'open sentence, lower-case continuation',
  ],
  ['Kazakhstan hopes for the continuation of', 'Syrian talks in Geneva.', true, 'ends on "of"'],
  [
    'The minister said the plan was',
    '“a good start” for the region.',
    true,
    'ends on "was", quote follows',
  ],
  ['Prices rose by', '12 percent last year.', true, 'ends on "by", digit follows'],
  ['The talks, which began in May,', 'continued in October.', true, 'ends with a comma'],
  ['He said the decision', ', however, was final.', true, 'continuing punctuation'],
  ['The talks ended on Friday.', 'talks resume next week.', false, 'sentence ended'],
  ['He said “no.”', 'then he left.', false, 'sentence ended inside quotes'],
  ['The plan covers three areas:', 'water, roads and power.', false, 'a colon introduces'],
  [
    'Reaction from Moscow',
    'Russian officials said they were surprised.',
    false,
    'heading-like line',
  ],
  ['The talks resumed', 'Officials said they were hopeful.', false, 'capital after a content word'],
  ['Something', '', false, 'nothing after'],
];

describe('shouldJoinFragments', () => {
  for (const [before, after, join, why] of JOIN_CASES) {
    it(`${join ? 'joins' : 'keeps apart'}: ${why} (${JSON.stringify(before.slice(-20))})`, () => {
      assert.equal(shouldJoinFragments(before, after), join);
    });
  }
});

describe('joinFragments', () => {
  it('joins with one space', () => {
    assert.equal(
      joinFragments('continuation of ', '  talks between'),
      'continuation of talks between',
    );
  });
  it('adds no space before continuing punctuation', () => {
    assert.equal(
      joinFragments('He said the decision', ', however, was final.'),
      'He said the decision, however, was final.',
    );
  });
  it('adds no space after a word-final hyphen', () => {
    assert.equal(joinFragments('a pre-', 'war level'), 'a pre-war level');
    assert.equal(joinFragments('talks –', 'and more'), 'talks – and more');
  });
});
