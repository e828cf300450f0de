import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { likeEscaped } from './like';

describe('likeEscaped', () => {
  it('escapes the LIKE wildcards and the escape character, and nothing else', () => {
    assert.equal(likeEscaped('5% of a_b in c\\d'), '5\\% of a\\_b in c\\\\d');
    assert.equal(likeEscaped('plain text, "quoted"'), 'plain text, "quoted"');
  });
});
