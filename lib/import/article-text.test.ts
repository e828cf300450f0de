import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SUGGESTED_TITLE, normalizeArticleText, suggestTitle } from './article-text';

describe('normalizeArticleText', () => {
  it('normalises line breaks, trailing spaces and blank-line runs, and is idempotent', () => {
    const typed = '  First paragraph.  \r\n\r\n\r\n\r\nSecond\u00a0 \rThird.\n\n\n';
    const once = normalizeArticleText(typed);
    assert.equal(once, 'First paragraph.\n\nSecond\nThird.');
    assert.equal(normalizeArticleText(once), once);
  });

  it('keeps characters inside lines exactly', () => {
    assert.equal(normalizeArticleText('“Quoted”  —  x'), '“Quoted”  —  x');
  });
});

describe('suggestTitle', () => {
  it('takes a short first line as it is', () => {
    assert.equal(suggestTitle('\n\n  Council   approves plan \n\nBody.'), 'Council approves plan');
  });

  it('takes the first sentence of a long first line, or cuts at a word', () => {
    const sentence = 'The council approved the plan on Tuesday.';
    assert.equal(suggestTitle(`${sentence} ${'More words follow here. '.repeat(10)}`), sentence);
    const long = 'word '.repeat(60).trim();
    const title = suggestTitle(long)!;
    assert.ok(title.length <= MAX_SUGGESTED_TITLE);
    assert.match(title, /^word( word)+…$/);
  });

  it('returns null for empty text', () => {
    assert.equal(suggestTitle(' \n '), null);
  });
});
