import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitPrefix } from './prefix';

describe('splitPrefix', () => {
  const cases: [string, string, string | null][] = [
    ['desal', '', 'desal'],
    ['plant desal', 'plant', 'desal'],
    ['Tokay', '', 'Tokay'],
    ['Ąktaü', '', 'Ąktaü'],
    ['de', 'de', null], // too short to be worth a prefix scan
    ['plant ', 'plant ', null], // a space: the word is finished
    ['"water plant', '"water plant', null], // inside an open phrase
    ['"water plant" cost', '"water plant"', 'cost'],
    ['plant -desal', 'plant -desal', null], // excluded words stay whole
    ['plant or desal', 'plant or desal', null],
    ['plant-desal', 'plant-desal', null], // joined by a hyphen: left to the parser
    ['budget 2024', 'budget', '2024'],
  ];
  for (const [q, whole, prefix] of cases) {
    it(`"${q}" → whole "${whole}", prefix ${prefix === null ? 'none' : `"${prefix}"`}`, () => {
      assert.deepEqual(splitPrefix(q), { whole, prefix });
    });
  }
});
