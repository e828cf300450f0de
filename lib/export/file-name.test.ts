import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition, exportFileName, MAX_TITLE_SLUG_LENGTH, slugify } from './file-name';
import { FILE_NAME_CASES } from './file-name-cases';

describe('exportFileName', () => {
  for (const c of FILE_NAME_CASES) {
    it(c.name, () => assert.equal(exportFileName(c.input), c.name));
  }

  it('never produces path separators, control characters or reserved characters', () => {
    for (const c of FILE_NAME_CASES) {
      assert.doesNotMatch(exportFileName(c.input), /[/\\:*?"<>|\u0000-\u001f]/);
    }
  });
});

describe('slugify', () => {
  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    assert.ok(slug.length <= MAX_TITLE_SLUG_LENGTH);
    assert.match(slug, /^word(-word)*$/);
  });

  it('cuts a single very long word hard', () => {
    assert.equal(slugify('x'.repeat(100)).length, MAX_TITLE_SLUG_LENGTH);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(
      contentDisposition('переговоры-annotated-2026-11-24.html'),
      `attachment; filename="__________-annotated-2026-11-24.html"; filename*=UTF-8''${encodeURIComponent('переговоры')}-annotated-2026-11-24.html`,
    );
    assert.equal(
      contentDisposition('astana-2-talks-annotated-2026-11-24.html'),
      `attachment; filename="astana-2-talks-annotated-2026-11-24.html"; filename*=UTF-8''astana-2-talks-annotated-2026-11-24.html`,
    );
  });

  it('cannot be broken out of by quotes or line breaks', () => {
    const header = contentDisposition('a"b\r\nX-Evil: 1\'(x).csv');
    assert.doesNotMatch(header, /[\r\n]/);
    assert.equal(header.split('"').length, 3);
    assert.ok(header.endsWith("filename*=UTF-8''a%22b%0D%0AX-Evil%3A%201%27%28x%29.csv"));
  });
});
