import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { parse, serialize, type DefaultTreeAdapterTypes as Parse5 } from 'parse5';
import { BUILD_CASES } from './build-linkedom-cases';
import { buildLinkedomDocument } from './build-linkedom';
import { corpusPage, corpusPageFiles } from './corpus-pages';
import { describeNodes } from './describe-nodes';
import { parseDocument } from './dom';
import { defuseHtml } from './html';

describe('buildLinkedomDocument', () => {
  for (const { name, html, roundTrip } of BUILD_CASES) {
    const tree = () => parse(html, { scriptingEnabled: false });
    if (roundTrip) {
      it(`declines, for the round trip: ${name}`, () => {
        assert.equal(buildLinkedomDocument(tree()), null);
        // parseDocument still gives linkedom's reading of the serialised tree.
        const expected = parseHTML(serialize(tree())).document as unknown as Document;
        assert.equal(parseDocument(html).toString(), expected.toString());
      });
      continue;
    }
    it(`builds what linkedom reads of parse5's markup: ${name}`, () => {
      const expected = parseHTML(serialize(tree())).document as unknown as Document;
      const built = buildLinkedomDocument(tree());
      assert.ok(built, 'built without the round trip');
      assert.deepEqual(describeNodes(built), describeNodes(expected));
      assert.equal(built.toString(), expected.toString());
      assert.equal(built.doctype?.name, expected.doctype?.name);
      // Queries and the lazily made <head>/<body> behave the same.
      assert.equal(built.body.innerHTML, expected.body.innerHTML);
      assert.equal(built.querySelectorAll('*').length, expected.querySelectorAll('*').length);
    });
  }

  // Trees parse5 did not make of any corpus page, edited by hand: what its serialiser would
  // write of them decides.
  it('reads text nodes left next to each other as one run, cut at its references', () => {
    const tree = parse('<p>one</p>', { scriptingEnabled: false });
    const p = (tree.childNodes[0] as Parse5.Element).childNodes[1] as Parse5.Element;
    const paragraph = p.childNodes[0] as Parse5.Element;
    const text = paragraph.childNodes[0] as Parse5.TextNode;
    paragraph.childNodes.push({ ...text, value: ' &two' }, { ...text, value: 'three' });
    const expected = parseHTML(serialize(tree)).document as unknown as Document;
    const built = buildLinkedomDocument(tree)!;
    assert.deepEqual(describeNodes(built), describeNodes(expected));
    assert.deepEqual(
      [...built.querySelector('p')!.childNodes].map((node) => node.textContent),
      ['one ', '&', 'twothree'],
    );
  });

  it('declines a comment htmlparser2 would end early', () => {
    const tree = parse('<!--x--><p>one</p>', { scriptingEnabled: false });
    (tree.childNodes[0] as Parse5.CommentNode).data = '->x';
    assert.equal(buildLinkedomDocument(tree), null);
    (tree.childNodes[0] as Parse5.CommentNode).data = '-x-';
    assert.ok(buildLinkedomDocument(tree));
  });
});

describe('buildLinkedomDocument on the evaluation corpus', () => {
  // Every page of the 200 (lib/import/fixtures/trafilatura-eval): the document built is the
  // one the round trip gives, node by node, or the page is declined. A linkedom or parse5
  // upgrade that changes what either makes of a page turns this red.
  it('builds, node for node, what the round trip reads, on all 200 pages', () => {
    let built = 0;
    for (const file of corpusPageFiles()) {
      const tree = parse(defuseHtml(corpusPage(file)), { scriptingEnabled: false });
      const document = buildLinkedomDocument(tree);
      if (!document) continue;
      built++;
      const expected = parseHTML(serialize(tree)).document as unknown as Document;
      assert.deepEqual(describeNodes(document), describeNodes(expected), file);
    }
    // Nearly every page is built directly (the round trip is for the rare trees listed in
    // ./build-linkedom's comment).
    assert.ok(built >= 195, `${built} of 200 built directly`);
  });
});
