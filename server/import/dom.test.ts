import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { parseHTML as parseEsm } from 'linkedom';
import { forEachElement, hasNonBlankText, parseDocument } from './dom';

/**
 * linkedom is patched (patches/linkedom+0.18.15.patch, applied by patch-package on install):
 * its EventTarget made a listener Map and a WeakMap entry for every node, text and attribute
 * it created, about 6 % of an import's CPU plus garbage to collect; the map is now made by the
 * first addEventListener. These tests fail when the patch is not applied (a fresh install
 * without postinstall, or a linkedom upgrade it no longer fits) and check that events behave
 * as before.
 */
const parseCjs = (createRequire(import.meta.url)('linkedom') as { parseHTML: typeof parseEsm })
  .parseHTML;

const PAGE = `<!DOCTYPE html><html><head><title>t</title></head><body>${'<p class="x">Some <b>text</b> &amp; more.</p>'.repeat(1000)}</body></html>`;

/** WeakMap entries made while `work` runs. */
function weakMapSets(work: () => void): number {
  const set = WeakMap.prototype.set;
  let count = 0;
  WeakMap.prototype.set = function (this: WeakMap<object, unknown>, key, value) {
    count++;
    return set.call(this, key, value);
  };
  try {
    work();
  } finally {
    WeakMap.prototype.set = set;
  }
  return count;
}

describe('linkedom patch: lazy event listener maps', () => {
  for (const [name, parse] of [
    ['ES module build', (html: string) => parseEsm(html).document],
    ['CommonJS build', (html: string) => parseCjs(html).document],
    ['parseDocument', parseDocument],
  ] as const) {
    it(`${name}: parsing 6,000 nodes makes no per-node listener map`, () => {
      let paragraphs = 0;
      const sets = weakMapSets(() => {
        paragraphs = parse(PAGE).querySelectorAll('p').length;
      });
      assert.equal(paragraphs, 1000);
      assert.ok(sets < 100, `${sets} WeakMap entries made while parsing`);
    });
  }

  for (const [name, parse] of [
    ['ES module build', parseEsm],
    ['CommonJS build', parseCjs],
  ] as const) {
    it(`${name}: listeners still added, bubbled to, removed and run once`, () => {
      const { document, Event } = parse('<div id="outer"><p id="inner">x</p></div>');
      const outer = document.getElementById('outer')!;
      const inner = document.getElementById('inner')!;
      const heard: string[] = [];
      const onOuter = (event: Event) => heard.push(`outer:${(event.target as Element).id}`);
      outer.addEventListener('ping', onOuter);
      inner.addEventListener('ping', () => heard.push('inner'), { once: true });
      // Removing from a node that never had a listener is a no-op, as before.
      document.body.removeEventListener('ping', onOuter);

      inner.dispatchEvent(new Event('ping', { bubbles: true }));
      inner.dispatchEvent(new Event('ping', { bubbles: true }));
      outer.removeEventListener('ping', onOuter);
      inner.dispatchEvent(new Event('ping', { bubbles: true }));
      // A node without listeners dispatches without error and is not cancelled.
      assert.equal(document.body.dispatchEvent(new Event('ping')), true);

      assert.deepEqual(heard, ['inner', 'outer:inner', 'outer:inner']);
    });
  }
});

describe('forEachElement', () => {
  it('visits the elements querySelectorAll finds, in the same order, not inside templates', () => {
    const document = parseDocument(
      '<!DOCTYPE html><html><head><meta name="a" content="b"><title>t</title></head><body>' +
        '<div><p>One <b>two</b></p>text<p>Three</p></div><svg><g><path/></g></svg>' +
        '<template><p>Inside</p><template><i>deeper</i></template></template><ul><li>x</li></ul>' +
        '<noscript><img src="a.png"></noscript></body></html>',
    );
    for (const root of [document, document.body, document.querySelector('div')!] as const) {
      const visited: Element[] = [];
      const depths: number[] = [];
      forEachElement(root, (element, depth) => {
        visited.push(element);
        depths.push(depth);
      });
      const expected = [...root.querySelectorAll('*')];
      assert.ok(expected.length > 2);
      assert.equal(visited.length, expected.length);
      visited.forEach((element, i) => assert.equal(element, expected[i]));
      // Each element's depth under the root: its ancestors up to the root.
      const depthUnder = (element: Element) => {
        let depth = 0;
        for (let at: Node | null = element; at && at !== root; at = at.parentNode) depth++;
        return depth;
      };
      assert.deepEqual(depths, visited.map(depthUnder));
    }
  });
});

describe('hasNonBlankText', () => {
  it('tells blank elements apart as textContent.trim() does', () => {
    const document = parseDocument(
      '<!DOCTYPE html><html><head><title>t</title></head><body>' +
        `<div id="a"> \n<span>\t</span><!-- x --></div><div id="b"><i> </i><b>\u00a0</b></div>` +
        `<div id="c"><p></p></div><div id="d"><svg><text>x</text></svg></div>` +
        `<div id="e">\u2028\ufeff\u3000</div><div id="f"><template>t</template></div>` +
        `<div id="g"><div><div></div></div>z</div></body></html>`,
    );
    for (const element of document.querySelectorAll('div')) {
      const expected = (element.textContent ?? '').trim().length > 0;
      assert.equal(hasNonBlankText(element), expected, element.outerHTML);
    }
  });
});
