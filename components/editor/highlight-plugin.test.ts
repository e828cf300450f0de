/**
 * The highlight plugin on a long text drawn in steps: segments exist only where drawn, each
 * step adds the next part, and every highlight answers clicks and takes changes from the start.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { offsetToPos } from '@/lib/paragraph-map';
import { docOf, mapOf } from './article-doc';
import {
  claimsAt,
  highlightKey,
  highlightPlugin,
  highlightsAt,
  isDrawnAt,
  type HighlightAction,
  type HighlightSpec,
} from './highlight-plugin';

const PARAGRAPH = 'The minister said that exports grew by twelve percent last year. ';
const TEXT = Array.from({ length: 60 }, (_, i) => `${i} ${PARAGRAPH.repeat(3)}`).join('\n');

function setUp(drawFirst: number) {
  const doc = docOf(TEXT);
  const map = mapOf(doc);
  // One highlight per paragraph, on its first "exports grew".
  const specs: HighlightSpec[] = [];
  let at = 0;
  for (let i = 0; i < 60; i++) {
    const start = TEXT.indexOf('exports grew', at);
    at = TEXT.indexOf('\n', start) + 1; // the next paragraph
    specs.push({
      annotationId: `a${i}`,
      claimId: `c${i}`,
      from: offsetToPos(map, start, 'start'),
      to: offsetToPos(map, start + 'exports grew'.length, 'end'),
      color: '#123456',
    });
  }
  const state = EditorState.create({ doc, plugins: [highlightPlugin(specs, drawFirst)] });
  return { state, specs };
}

const drawn = (state: EditorState) => highlightKey.getState(state)!.set.find();
const act = (state: EditorState, action: HighlightAction) =>
  state.apply(state.tr.setMeta(highlightKey, action));

describe('highlightPlugin drawn in steps', () => {
  it('draws up to a paragraph boundary at first, and only that', () => {
    const { state, specs } = setUp(2_000);
    const value = highlightKey.getState(state)!;
    assert.ok(value.drawnTo >= 2_000 && value.drawnTo < state.doc.content.size);
    assert.equal(state.doc.resolve(value.drawnTo).depth, 0, 'between two paragraphs');
    const expected = specs.filter((h) => h.from < value.drawnTo).length;
    assert.ok(expected > 0 && expected < specs.length);
    assert.equal(drawn(state).length, expected);
  });

  it('each step adds the next part, until everything is drawn as if drawn at once', () => {
    let { state } = setUp(2_000);
    const all = setUp(Infinity).state;
    while (highlightKey.getState(state)!.drawnTo < state.doc.content.size) {
      const before = drawn(state).length;
      state = act(state, { type: 'draw', to: highlightKey.getState(state)!.drawnTo + 2_000 });
      assert.ok(drawn(state).length > before);
    }
    const key = (d: { from: number; to: number }) => `${d.from}-${d.to}`;
    assert.deepEqual(drawn(state).map(key), drawn(all).map(key));
  });

  it('answers clicks and takes new highlights past the drawn part', () => {
    const { state, specs } = setUp(2_000);
    const last = specs.at(-1)!;
    assert.deepEqual(claimsAt(state, last.from + 1), ['c59']);
    const added = act(state, {
      type: 'add',
      highlights: [{ ...last, annotationId: 'new', claimId: 'cnew' }],
      focus: 'new',
    });
    assert.equal(drawn(added).length, drawn(state).length, 'nothing drawn out there yet');
    assert.deepEqual(claimsAt(added, last.from + 1).sort(), ['c59', 'cnew']);
    assert.equal(highlightKey.getState(added)!.focused, 'new');
    // Inside the drawn part the segments are recomputed at once.
    const first = specs[0]!;
    const inside = act(state, {
      type: 'add',
      highlights: [{ ...first, annotationId: 'new2', claimId: 'cnew2' }],
    });
    const at = drawn(inside).filter((d) => d.from <= first.from + 1 && first.from + 1 < d.to);
    assert.deepEqual(at.flatMap((d) => d.spec.claimIds as string[]).sort(), ['c0', 'cnew2']);
  });

  it('finds the highlights under a position not drawn yet, innermost first (the hover card)', () => {
    const { state, specs } = setUp(2_000);
    const last = specs.at(-1)!;
    assert.equal(isDrawnAt(state, specs[0]!.from), true);
    assert.equal(isDrawnAt(state, last.from), false);
    const inner = { ...last, annotationId: 'inner', claimId: 'cinner', from: last.from + 2 };
    const withInner = act(state, { type: 'add', highlights: [inner] });
    assert.deepEqual(
      highlightsAt(withInner, last.from + 3).map((h) => h.annotationId),
      ['inner', 'a59'],
    );
    assert.deepEqual(highlightsAt(withInner, last.to), [], 'the end is outside');
  });
});

describe('highlightPlugin drawn by the view', () => {
  // One paragraph with a highlight every few words, as in a densely annotated article.
  const WORDS = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
  const wordAt = (i: number) => {
    const start = WORDS.indexOf(`word${i} `);
    return { start, end: start + `word${i}`.length };
  };

  function viewOf(highlights: { id: string; start: number; end: number }[]) {
    const doc = docOf(WORDS);
    const map = mapOf(doc);
    const specs = highlights.map(({ id, start, end }) => ({
      annotationId: id,
      claimId: `c-${id}`,
      from: offsetToPos(map, start, 'start'),
      to: offsetToPos(map, end, 'end'),
      color: '#123456',
    }));
    const place = document.createElement('div');
    document.body.append(place);
    const view = new EditorView(place, {
      state: EditorState.create({ doc, plugins: [highlightPlugin(specs)] }),
    });
    return { view, specs };
  }

  const textsOf = (view: EditorView) => {
    const walker = document.createTreeWalker(view.dom, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    return texts;
  };

  let restore: () => void = () => {};
  before(() => {
    const { window } = new JSDOM('<!doctype html><body></body>');
    const globals = globalThis as Record<string, unknown>;
    const saved = { window: globals.window, document: globals.document };
    globals.window = window;
    globals.document = window.document;
    restore = () => Object.assign(globals, saved);
  });
  after(() => restore());

  const existing = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, ...wordAt(i * 4 + 1) }));

  it('draws an added highlight as a view drawn with it from the start', () => {
    const { view } = viewOf(existing);
    const added = { id: 'new', ...wordAt(42) };
    const map = mapOf(view.state.doc);
    const spec = {
      annotationId: 'new',
      claimId: 'c-new',
      from: offsetToPos(map, added.start, 'start'),
      to: offsetToPos(map, added.end, 'end'),
      color: '#123456',
    };
    view.dispatch(view.state.tr.setMeta(highlightKey, { type: 'add', highlights: [spec] }));
    const fresh = viewOf([...existing, added]).view;
    assert.equal(view.dom.innerHTML, fresh.dom.innerHTML);
  });

  it('keeps the text after an added highlight as it was drawn, not rewritten', () => {
    const { view } = viewOf(existing);
    const before = textsOf(view).map((text) => ({ text, data: text.data }));
    const added = wordAt(42); // between two highlights, in the paragraph's first half
    const map = mapOf(view.state.doc);
    view.dispatch(
      view.state.tr.setMeta(highlightKey, {
        type: 'add',
        highlights: [
          {
            annotationId: 'new',
            claimId: 'c-new',
            from: offsetToPos(map, added.start, 'start'),
            to: offsetToPos(map, added.end, 'end'),
            color: '#123456',
          },
        ],
      }),
    );
    const after = new Set(textsOf(view));
    const later = before.filter(({ data }) => WORDS.indexOf(data) > added.end);
    assert.ok(later.length > 20);
    for (const { text, data } of later) {
      assert.ok(after.has(text), `"${data}" kept`);
      assert.equal(text.data, data);
    }
  });
});
