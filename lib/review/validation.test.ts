import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  areValidAnchors,
  describeMissing,
  invalidPatchFields,
  isBlank,
  isVerdict,
  missingFields,
  missingForSubmission,
  normaliseText,
} from './validation';

describe('isBlank / normaliseText', () => {
  it('treats empty, whitespace and non-strings as blank', () => {
    for (const v of ['', '  ', '\n\t', null, undefined]) assert.equal(isBlank(v), true);
    assert.equal(isBlank(' x '), false);
  });
  it('trims, and turns blank into null', () => {
    assert.equal(normaliseText('  why \n'), 'why');
    assert.equal(normaliseText(' '), null);
    assert.equal(normaliseText(null), null);
  });
});

describe('missingForSubmission / describeMissing', () => {
  const cases = [
    { verdict: 'TRUE', rationale: 'Because.', missing: [], text: null },
    {
      verdict: 'UNVERIFIED',
      rationale: 'Because.',
      missing: ['verdict'],
      text: 'missing a verdict (other than Unverified)',
    },
    { verdict: 'FALSE', rationale: '   ', missing: ['rationale'], text: 'missing a rationale' },
    {
      verdict: 'UNVERIFIED',
      rationale: '',
      missing: ['verdict', 'rationale'],
      text: 'missing a verdict (other than Unverified) and a rationale',
    },
  ] as const;
  for (const c of cases) {
    it(`${c.verdict} / ${JSON.stringify(c.rationale)} -> [${c.missing.join(', ')}]`, () => {
      const missing = missingForSubmission(c);
      assert.deepEqual(missing, c.missing);
      if (c.text !== null) assert.equal(describeMissing(missing), c.text);
    });
  }
  it('accepts every verdict but UNVERIFIED', () => {
    for (const verdict of ['TRUE', 'MIXED', 'UNPROVEN', 'NOT_CHECKABLE'] as const) {
      assert.deepEqual(missingForSubmission({ verdict, rationale: 'r' }), []);
    }
  });
});

describe('missingFields', () => {
  it('keeps the submission fields a refusal names, with their reasons, in its order', () => {
    const issues = [
      { path: 'rationale', message: 'Write a rationale.' },
      { path: 'spans', message: 'Place every passage.' },
      { path: 'verdict', message: 'Choose a verdict.' },
    ];
    assert.deepEqual(missingFields(issues), [
      { field: 'rationale', reason: 'Write a rationale.' },
      { field: 'verdict', reason: 'Choose a verdict.' },
    ]);
  });
  it('gives none for a refusal without issues or naming no submission field', () => {
    assert.deepEqual(missingFields(undefined), []);
    assert.deepEqual(missingFields([{ path: 'version', message: 'Stale.' }]), []);
  });
});

describe('invalidPatchFields', () => {
  it('accepts partial, incomplete but well-formed patches', () => {
    assert.deepEqual(invalidPatchFields({}), []);
    assert.deepEqual(invalidPatchFields({ verdict: 'UNVERIFIED', rationale: '' }), []);
    assert.deepEqual(
      invalidPatchFields({ evidence: [{ url: 'https://a.example', title: null, quote: 'q' }] }),
      [],
    );
  });
  it('names each invalid field', () => {
    assert.deepEqual(
      invalidPatchFields({
        verdict: 'NOPE' as never,
        rationale: 42 as never,
        evidence: [{ url: '', title: null, quote: null }],
      }),
      ['verdict', 'rationale', 'evidence'],
    );
    assert.deepEqual(invalidPatchFields({ evidence: 'x' as never }), ['evidence']);
    assert.deepEqual(
      invalidPatchFields({ evidence: [{ url: 'u', title: 1, quote: null } as never] }),
      ['evidence'],
    );
  });
  it('isVerdict knows the domain verdicts only', () => {
    assert.equal(isVerdict('MOSTLY_FALSE'), true);
    assert.equal(isVerdict('mostly_false'), false);
    assert.equal(isVerdict(undefined), false);
  });
});

describe('areValidAnchors', () => {
  const good = { revisionId: 'r', start: 0, end: 0, exact: '' };
  it('accepts empty lists and well-formed anchors (collapsed ones too)', () => {
    assert.equal(areValidAnchors([]), true);
    assert.equal(areValidAnchors([good, { ...good, start: 3, end: 9, exact: 'abc' }]), true);
  });
  for (const [name, bad] of [
    ['start after end', { ...good, start: 5, end: 4 }],
    ['negative start', { ...good, start: -1 }],
    ['fractional offset', { ...good, end: 1.5 }],
    ['blank revision', { ...good, revisionId: ' ' }],
    ['non-string quote', { ...good, exact: null }],
  ] as const) {
    it(`refuses ${name}`, () => {
      assert.equal(areValidAnchors([good, bad as never]), false);
    });
  }
});
