import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanBlocks, toSourceBlocks } from '@/lib/import';
import { FALLBACK_NOTICE, extractHtml } from './html';
import { prepareImport } from './prepare';
import { importSettings } from './settings';
import { HOSTILE_PAGES } from './html-crash-cases';

const clean = (html: string) => cleanBlocks(toSourceBlocks(extractHtml(html).blocks).blocks);

describe('extractHtml on hostile and malformed pages', () => {
  for (const page of HOSTILE_PAGES) {
    it(`${page.name}: cleans without an exception and keeps the article`, () => {
      const started = performance.now();
      const extraction = extractHtml(page.html);
      const result = cleanBlocks(toSourceBlocks(extraction.blocks).blocks);
      // A generous bound: the machine is shared; speed itself is measured in bench/import.
      assert.ok(performance.now() - started < 30_000, 'does not hang');
      assert.match(result.text, page.keeps);
      assert.equal(extraction.fallback, page.fallback ? FALLBACK_NOTICE : undefined);
    });
  }

  it('keeps left-over SCSS from reaching the CSS parser (the crash of a real page)', () => {
    const html =
      '<html><head><style>.a{height:calc(($container-max-width - 2rem) / 16 * 9)}</style></head>' +
      '<body><p>The body of a page whose stylesheet is broken is read as usual.</p></body></html>';
    const extraction = extractHtml(html);
    assert.equal(extraction.fallback, undefined);
    assert.equal(
      clean(html).text,
      'The body of a page whose stylesheet is broken is read as usual.',
    );
  });
});

describe('prepareImport says when the simpler extraction was used', () => {
  it('puts the fallback notice in the preview of a page nested beyond the DOM', async () => {
    const html = `<title>Deep</title>${'<div>'.repeat(50_000)}<p>Text that is deep down in the page still arrives.</p>${'</div>'.repeat(50_000)}`;
    const prepared = await prepareImport({ kind: 'text', text: html }, importSettings());
    assert.deepEqual(prepared.notices, [FALLBACK_NOTICE]);
    assert.match(prepared.clean.text, /Text that is deep down in the page still arrives\./);
  });

  it('says nothing for an ordinary page', async () => {
    const prepared = await prepareImport(
      { kind: 'text', text: '<p>An ordinary paragraph of an ordinary page, nothing else.</p>' },
      importSettings(),
    );
    assert.deepEqual(prepared.notices, []);
  });
});
