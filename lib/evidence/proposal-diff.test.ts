import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffProposal } from './proposal-diff';

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('diffProposal', () => {
  it('counts the words added and removed', () => {
    const diff = diffProposal(
      'The tax rose by five percent.',
      'The tax rose by ten percent in May.',
    );
    assert.equal(diff.removed, 1);
    assert.equal(diff.added, 3);
    assert.ok(diff.parts.some((p) => p.removed && p.value.includes('five')));
    assert.ok(diff.parts.some((p) => p.added && p.value.includes('ten')));
  });

  it('cuts long unchanged stretches to a few words around each change', () => {
    const before = `${words(200, 'a')} old ${words(200, 'b')}`;
    const after = `${words(200, 'a')} new ${words(200, 'b')}`;
    const { parts } = diffProposal(before, after, { context: 3 });
    const text = parts.map((p) => p.value).join('');
    assert.ok(text.length < 120, text);
    assert.match(text, /^… a197 a198 a199 oldnew b0 b1 b2 …$/);
  });

  it('keeps short unchanged text whole', () => {
    const { parts } = diffProposal('one two three', 'one 2 three');
    assert.equal(parts.map((p) => p.value).join('|'), 'one |two|2| three');
  });
});
