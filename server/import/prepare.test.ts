import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { cleanText } from '@/lib/import';
import { AppError } from '../platform/errors';
import { parseAllowHosts } from './address-policy';
import { startFixtureServer, type FixtureServer } from '../dev/fixture-server';
import { prepareImport, type ImportSource } from './prepare';
import { MAX_IMPORT_BYTES, type ImportSettings } from './settings';

const fixtureBytes = (name: string) =>
  readFileSync(new URL(`../../lib/import/fixtures/${name}`, import.meta.url));
const fixture = (name: string) => fixtureBytes(name).toString('utf8');

const SETTINGS: ImportSettings = {
  allowHosts: [],
  timeoutMs: 2000,
  maxBytes: MAX_IMPORT_BYTES,
  maxRedirects: 5,
};

async function failure(source: ImportSource, settings = SETTINGS): Promise<string> {
  try {
    await prepareImport(source, settings);
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return `${error.status} ${error.code}`;
  }
  assert.fail('expected the import to fail');
}

const file = (name: string, bytes: Uint8Array | string, type = ''): ImportSource => ({
  kind: 'file',
  name,
  type,
  bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
});

describe('prepareImport: text', () => {
  it('cleans pasted text exactly as lib/import does and keeps the paste as the raw input', async () => {
    const raw = fixture('astana-times-astana-2-talks-scraped.txt');
    const prepared = await prepareImport({ kind: 'text', text: raw }, SETTINGS);
    assert.equal(prepared.source.format, 'text');
    assert.equal(prepared.rawInput, raw);
    assert.equal(prepared.clean.text, cleanText(raw).text);
    assert.equal(prepared.linesInRawInput, true);
    assert.deepEqual(prepared.metadata, {
      title: 'Representatives of Syrian Opposition Meet in Astana',
      byline: 'Malika Orazgaliyeva',
      sourceName: 'The Astana Times',
      publishedAt: '2015-10-06',
    });
  });

  it('reads pasted HTML source as HTML', async () => {
    const prepared = await prepareImport(
      { kind: 'text', text: fixture('astana-times-page.html') },
      SETTINGS,
    );
    assert.equal(prepared.source.format, 'html');
    assert.equal(prepared.linesInRawInput, false);
    assert.equal(
      prepared.clean.text,
      cleanText(fixture('astana-times-astana-2-talks-scraped.txt')).text,
    );
    assert.equal(
      prepared.metadata.sourceUrl,
      'https://astanatimes.com/2015/10/representatives-of-syrian-opposition-meet-in-astana/',
    );
  });

  it('flags the near-duplicate paragraph of the MFA sample, suggesting the longer copy', async () => {
    const prepared = await prepareImport(
      { kind: 'text', text: fixture('mfa-astana-2-talks.txt') },
      SETTINGS,
    );
    const duplicate = prepared.clean.removed.find((g) => g.reason === 'duplicate')!;
    assert.match(duplicate.text, /giving all nations\.$/);
    assert.match(duplicate.duplicateOf!, /equal access to infrastructure, resources and markets/);
  });

  it('refuses empty, binary and too large pastes', async () => {
    assert.equal(await failure({ kind: 'text', text: ' \n\t ' }), '400 empty_input');
    assert.equal(
      await failure({ kind: 'text', text: '\u0000\u0001\u0002binary\u0000' }),
      '422 unreadable_input',
    );
    assert.equal(
      await failure({ kind: 'text', text: 'x'.repeat(MAX_IMPORT_BYTES + 1) }),
      '413 too_large',
    );
  });
});

describe('prepareImport: tables and lists in an article', () => {
  // A standings table's cells are short title-case lines like a menu's; the classifier alone
  // removed the table as navigation. Readability holds it inside the article, which restores it.
  const P = (t: string) => `<p>${t}</p>`;
  const html = `<html><head><title>Leeds top the table after a late winner</title></head><body>
  <header><a href="/">Sports Daily</a><nav><ul><li><a href="/f">Football</a></li><li><a href="/c">Cricket</a></li><li><a href="/t">Tennis</a></li></ul></nav></header>
  <main><article><h1>Leeds top the table after a late winner</h1>
  ${P('Leeds moved to the top of the Championship on Saturday after a stoppage-time winner against Burnley, who had led for most of the second half.')}
  ${P('The result leaves four clubs within three points of each other with six matches left, and the title race is the closest it has been for a decade.')}
  <table><caption>Standings after 40 matches</caption><thead><tr><th>Club</th><th>Played</th><th>Points</th></tr></thead><tbody>
  <tr><td>Leeds</td><td>40</td><td>84</td></tr><tr><td>Burnley</td><td>40</td><td>83</td></tr><tr><td>Sheffield United</td><td>40</td><td>82</td></tr><tr><td>Ipswich</td><td>40</td><td>81</td></tr></tbody></table>
  ${P('Burnley manager said his side would need to win at least five of their remaining matches to go up automatically, and that the squad was ready for it.')}
  <h2>What each club needs</h2><ol><li>Leeds: five wins</li><li>Burnley: five wins and a draw</li><li>Sheffield United: six wins</li></ol>
  ${P('Ipswich, who were promoted last season, are the surprise of the year and play Leeds at home next Saturday in what is now the decisive match of the season.')}
  </article></main><footer><p>© 2024 Sports Daily. All rights reserved.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer></body></html>`;

  it('keeps a data table and a numbered list of short items inside the article', async () => {
    const { clean } = await prepareImport({ kind: 'text', text: html }, SETTINGS);
    const paragraphs = clean.text.split('\n\n');
    for (const cell of ['Standings after 40 matches', 'Club', 'Sheffield United', '84', '81']) {
      assert.ok(paragraphs.includes(cell), cell);
    }
    for (const item of ['Leeds: five wins', 'Sheffield United: six wins']) {
      assert.ok(paragraphs.includes(item), item);
    }
    assert.deepEqual(
      clean.removed.map((g) => g.reason),
      ['site-header', 'navigation', 'headline', 'footer'],
    );
  });
});

describe('prepareImport: files', () => {
  it('reads .txt, .md and .html uploads by their extension', async () => {
    const text = await prepareImport(
      file('mfa.txt', fixtureBytes('mfa-astana-2-talks.txt')),
      SETTINGS,
    );
    assert.equal(text.source.format, 'text');
    assert.equal(text.source.name, 'mfa.txt');
    const md = await prepareImport(file('news.md', fixtureBytes('news-site.txt')), SETTINGS);
    assert.equal(md.metadata.title, 'Danube Bridge Reopens After Two-Year Repair Programme');
    const html = await prepareImport(
      file('page.HTML', fixtureBytes('astana-times-page.html')),
      SETTINGS,
    );
    assert.equal(html.source.format, 'html');
    assert.equal(html.metadata.byline, 'Malika Orazgaliyeva');
  });

  it('reads a Word .docx: title, byline, date, headings and the duplicate paragraph', async () => {
    const prepared = await prepareImport(
      file('water-plan.docx', fixtureBytes('water-plan.docx')),
      SETTINGS,
    );
    assert.equal(prepared.source.format, 'docx');
    assert.deepEqual(prepared.metadata, {
      title: 'Council Approves Water Plan',
      byline: 'Ann Lee',
      publishedAt: '2024-03-12',
    });
    assert.deepEqual(
      prepared.clean.removed.map((g) => g.reason),
      ['headline', 'metadata', 'duplicate'],
    );
    assert.match(prepared.clean.text, /^The regional council/);
    assert.match(prepared.clean.text, /\n\nCosts and audit\n\n/);
    assert.match(prepared.rawInput, /^Council Approves Water Plan\n\nBy Ann Lee \| 12 March 2024/);
  });

  it('uses the media type when a file has no extension', async () => {
    const prepared = await prepareImport(
      file('notes', 'Just a short note.', 'text/plain'),
      SETTINGS,
    );
    assert.equal(prepared.clean.text, 'Just a short note.');
    assert.equal(
      await failure(file('blob', 'data', 'application/octet-stream')),
      '415 unsupported_type',
    );
  });

  it('refuses empty, binary, unsupported, broken and too large files', async () => {
    assert.equal(await failure(file('empty.txt', '')), '400 empty_input');
    assert.equal(
      await failure(file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]))),
      '422 unreadable_input',
    );
    assert.equal(await failure(file('report.pdf', '%PDF-1.7')), '415 unsupported_type');
    assert.equal(await failure(file('fake.docx', 'not a zip')), '422 unreadable_input');
    assert.equal(
      await failure(file('big.txt', Buffer.alloc(MAX_IMPORT_BYTES + 1, 97))),
      '413 too_large',
    );
    assert.equal(await failure(file('scripts.html', '<script>alert(1)</script>')), '422 no_text');
  });
});

describe('prepareImport: addresses', () => {
  let server: FixtureServer;
  let settings: ImportSettings;
  before(async () => {
    server = await startFixtureServer();
    settings = { ...SETTINGS, allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`) };
  });
  after(() => server.close());

  it('fetches and cleans an HTML page, with the fetched address as a fallback source', async () => {
    const prepared = await prepareImport(
      { kind: 'url', url: server.url('/redirects/2') },
      settings,
    );
    assert.equal(prepared.source.kind, 'url');
    assert.equal(prepared.source.url, server.url('/astana.html'));
    assert.equal(prepared.metadata.sourceName, 'The Astana Times');
    assert.match(prepared.rawInput, /^<!DOCTYPE html>/);
  });

  it('names the site after its host when the page names nothing', async () => {
    const prepared = await prepareImport({ kind: 'url', url: server.url('/mfa.txt') }, settings);
    assert.equal(prepared.metadata.sourceName, 'MFA Government');
    assert.equal(prepared.metadata.sourceUrl, server.url('/mfa.txt'));
    const latin1 = await prepareImport({ kind: 'url', url: server.url('/latin1.html') }, settings);
    assert.equal(latin1.metadata.title, 'Café prices rise again');
    assert.equal(latin1.metadata.sourceName, '127.0.0.1');
  });

  it('reads .docx and Markdown by media type, and HTML without one', async () => {
    const docx = await prepareImport(
      { kind: 'url', url: server.url('/water-plan.docx') },
      settings,
    );
    assert.equal(docx.source.format, 'docx');
    assert.equal(docx.metadata.title, 'Council Approves Water Plan');
    const markdown = await prepareImport({ kind: 'url', url: server.url('/notes.md') }, settings);
    assert.equal(markdown.source.format, 'text');
    assert.equal(markdown.metadata.title, 'Danube Bridge Reopens After Two-Year Repair Programme');
    const untyped = await prepareImport({ kind: 'url', url: server.url('/no-type') }, settings);
    assert.equal(untyped.source.format, 'html');
  });

  it('fails clearly for every kind of bad address', async () => {
    const url = (path: string) => ({ kind: 'url' as const, url: server.url(path) });
    assert.equal(await failure(url('/image.png'), settings), '415 unsupported_type');
    assert.equal(await failure(url('/binary.txt'), settings), '422 unreadable_input');
    assert.equal(await failure(url('/empty.html'), settings), '422 no_text');
    assert.equal(await failure(url('/huge'), settings), '413 too_large');
    assert.equal(await failure(url('/missing'), settings), '502 fetch_failed');
    assert.equal(await failure(url('/slow'), { ...settings, timeoutMs: 300 }), '504 fetch_timeout');
    assert.equal(
      await failure({ kind: 'url', url: server.url('/astana.html') }, SETTINGS),
      '422 address_not_allowed',
    );
  });
});
