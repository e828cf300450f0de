import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../platform/errors';
import { decodeText } from './decode';

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

  it('refuses binary data', () => {
    refused(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])));
    refused(() => decodeText(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 31) % 32))));
  });
});
