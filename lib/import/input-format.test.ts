import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOCX_MEDIA_TYPE, formatOfFile, formatOfMediaType, looksLikeHtml } from './input-format';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('formatOfFile and formatOfMediaType', () => {
  it('goes by the extension, whatever its case', () => {
    assert.equal(formatOfFile('a.TXT'), 'text');
    assert.equal(formatOfFile('notes.markdown'), 'text');
    assert.equal(formatOfFile('page.htm', 'text/plain'), 'html');
    assert.equal(formatOfFile('report.docx'), 'docx');
    assert.equal(formatOfFile('report.pdf', 'text/plain'), null);
    assert.equal(formatOfFile('C:\\\\Users\\\\me\\\\page.html'), 'html');
  });

  it('falls back to the media type without an extension', () => {
    assert.equal(formatOfFile('notes', 'text/markdown'), 'text');
    assert.equal(formatOfFile('download', DOCX_MEDIA_TYPE), 'docx');
    assert.equal(formatOfFile('blob', ''), null);
    assert.equal(formatOfMediaType('Text/HTML; charset=UTF-8'), 'html');
    assert.equal(formatOfMediaType('image/png'), null);
  });
});

describe('looksLikeHtml', () => {
  it('recognises documents and tag-led fragments', () => {
    assert.equal(looksLikeHtml(fixture('astana-times-page.html')), true);
    assert.equal(looksLikeHtml(fixture('html-article.txt')), true);
    assert.equal(looksLikeHtml('<!-- saved --> <html><body>x</body></html>'), true);
    assert.equal(looksLikeHtml('<p>One</p><p>Two</p><p>Three</p>'), true);
  });

  it('leaves text, Markdown and text with a stray tag alone', () => {
    assert.equal(looksLikeHtml(fixture('astana-times-astana-2-talks-scraped.txt')), false);
    assert.equal(looksLikeHtml(fixture('mfa-astana-2-talks.txt')), false);
    assert.equal(looksLikeHtml('Use <b>bold</b> for emphasis.'), false);
    assert.equal(looksLikeHtml('<3 this article'), false);
  });
});
