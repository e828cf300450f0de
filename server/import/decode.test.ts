import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../platform/errors';
import { decodeText } from './decode';

// Windows-1252 at 0x80-0x9F, from its code table (undefined there: the C1 control is kept).
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const refused = (fn: () => unknown) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === 'unreadable_input');

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    assert.equal(decodeText(Buffer.from('Café – “quoted”')), 'Café – “quoted”');
    assert.equal(decodeText(Buffer.from('\ufeffCafé')), 'Café');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]);
    assert.equal(decodeText(le), 'Café');
  });

  it('follows a declared charset, from the transport or from <meta charset>', () => {
    const latin1 = Buffer.from('Caf\xe9', 'latin1');
    assert.equal(decodeText(latin1, { charset: 'iso-8859-1' }), 'Café');
    const page = Buffer.from('<meta charset="windows-1252"><p>Caf\xe9</p>', 'latin1');
    assert.equal(decodeText(page, { html: true }), '<meta charset="windows-1252"><p>Café</p>');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    assert.equal(decodeText(Buffer.from('Caf\xe9 \x93ok\x94', 'latin1')), 'Café “ok”');
  });

  it('follows a <meta charset> declared after the first kilobyte of a long head', () => {
    // As a gb2312 news page (trafilatura-eval) does: browsers re-read the page in that encoding.
    const head = `<head><title>News</title>${'<meta name="keywords" content="x">'.repeat(40)}`;
    const page = Buffer.concat([
      Buffer.from(head),
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"/></head>'),
      Buffer.from([0xd2, 0xbb, 0xb8, 0xf6]), // 一个 in GB2312
    ]);
    assert.ok(head.length > 1024);
    assert.ok(decodeText(page, { html: true }).endsWith('</head>一个'));
  });

  it('ignores an unknown charset label', () => {
    assert.equal(decodeText(Buffer.from('Café'), { charset: 'x-no-such' }), 'Café');
  });

  it('reads a page with a few NUL characters in it as text', () => {
    const page = `<html><body><p>Juicio del caso Golpe II.</p><script>var d="\u0000";</script>${'<p>Texto.</p>'.repeat(200)}</body></html>`;
    assert.equal(decodeText(Buffer.from(page), { html: true }), page);
  });

  it('reads a large page (1 MB and up) as TextDecoder does, whatever its characters', () => {
    const filler = '<p>Some text of the page.</p>\n'.repeat(40_000);
    for (const page of [
      `<html>${filler}</html>`,
      `<html><p>Café</p>${filler}</html>`,
      `<html><p>“Quoted” – 一个 😀 \ufeff</p>${filler}</html>`,
    ]) {
      const bytes = Buffer.from(page);
      assert.ok(bytes.length >= 1 << 20);
      assert.equal(decodeText(bytes), page);
      assert.equal(decodeText(bytes, { charset: 'utf-8', html: true }), page);
    }
    // Not UTF-8: read as Windows-1252, as a small page is.
    const latin1 = Buffer.concat([
      Buffer.from(filler),
      Buffer.from('Caf\xe9 \x93ok\x94', 'latin1'),
    ]);
    assert.equal(decodeText(latin1), `${filler}Café “ok”`);
  });

  it('reads each byte as Windows-1252 (latin1 and iso-8859-1 too)', () => {
    const bytes = Buffer.from(Array.from({ length: 224 }, (_, i) => i + 32));
    const expected = new TextDecoder('latin1')
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) =>
        String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!),
      );
    for (const charset of ['windows-1252', 'latin1', 'iso-8859-1', 'ascii'])
      assert.equal(decodeText(bytes, { charset }), expected);
  });

  it('refuses binary data', () => {
    refused(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])));
    refused(() => decodeText(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 31) % 32))));
  });
});
