import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILD_CASES } from './build-linkedom-cases';
import { corpusPage, corpusPageFiles } from './corpus-pages';
import { describeNodes } from './describe-nodes';
import { parseDocument, parseWithParse5 } from './dom';
import { defuseHtml } from './html';
import { HOSTILE_PAGES } from './html-crash-cases';
import { WELL_FORMED_CASES } from './well-formed-cases';
import { parseWellFormed } from './well-formed';

/** parseWellFormed's document of `html` is parse5's route's, node for node (or it declines). */
function assertSameOrDeclined(html: string, label: string): Document | null {
  const read = parseWellFormed(html);
  if (read) {
    const expected = parseWithParse5(html);
    assert.deepEqual(describeNodes(read), describeNodes(expected), label);
    assert.equal(read.doctype?.name, expected.doctype?.name, label);
    assert.equal(read.toString(), expected.toString(), label);
  }
  return read;
}

describe('parseWellFormed', () => {
  for (const { name, html, read } of WELL_FORMED_CASES) {
    it(`${read ? 'reads' : 'leaves to parse5'}: ${name}`, () => {
      const document = assertSameOrDeclined(html, name);
      assert.equal(document !== null, read);
      // What the import reads is the same document either way.
      assert.equal(parseDocument(html).toString(), parseWithParse5(html).toString());
    });
  }

  it('gives parse5’s route’s document, or declines, on the builder’s and crash suite’s cases', () => {
    for (const { name, html } of [...BUILD_CASES, ...HOSTILE_PAGES]) {
      assertSameOrDeclined(html, name);
      assertSameOrDeclined(defuseHtml(html), `${name} (defused)`);
    }
  });

  it('reads most corpus pages itself, each node for node as parse5’s route does', () => {
    // The 200 pages of lib/import/fixtures/trafilatura-eval, defused as an import does. Which
    // pages it reads is a matter of speed only; the share guards that speed.
    let read = 0;
    for (const file of corpusPageFiles()) {
      if (assertSameOrDeclined(defuseHtml(corpusPage(file)), file)) read++;
    }
    assert.ok(read >= 160, `${read} of 200 read directly`);
  });
});
