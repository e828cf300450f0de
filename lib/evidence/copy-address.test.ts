import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyMatchesAddress, type CopyOrigin } from './copy-address';

const fetched = (url: string, sourceUrl: string | null = url): CopyOrigin => ({
  kind: 'FETCH',
  url,
  sourceUrl,
});

describe('copyMatchesAddress', () => {
  it('lets a fetched copy back the address it was fetched from, however it is written', () => {
    const copy = fetched('https://news.example/report');
    assert.ok(copyMatchesAddress(copy, 'https://news.example/report'));
    assert.ok(copyMatchesAddress(copy, ' https://NEWS.example/report#para-2 '));
    assert.ok(copyMatchesAddress(fetched('https://news.example/'), 'https://news.example'));
  });

  it('lets it back the address that redirected to it, and the one it redirected to', () => {
    const copy = fetched('https://www.news.example/2026/report', 'https://news.example/r/1');
    assert.ok(copyMatchesAddress(copy, 'https://news.example/r/1'));
    assert.ok(copyMatchesAddress(copy, 'https://www.news.example/2026/report'));
  });

  it('refuses a copy of any other page: another host, path, query or scheme', () => {
    const copy = fetched('https://blog.example/fake-report');
    for (const address of [
      'https://www.who.int/fake-report',
      'https://blog.example/other',
      'https://blog.example/fake-report?page=2',
      'http://blog.example/fake-report',
      'not a url',
    ]) {
      assert.equal(copyMatchesAddress(copy, address), false, address);
    }
  });

  it('lets an upload back any address (the reviewer is told it is an upload)', () => {
    const upload: CopyOrigin = { kind: 'UPLOAD', url: 'report.pdf', sourceUrl: null };
    assert.ok(copyMatchesAddress(upload, 'https://www.who.int/report'));
  });
});
