import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from './split-blocks';

const texts = (raw: string) => splitBlocks(raw).map((b) => b.text);

describe('splitBlocks', () => {
  it('returns nothing for empty or whitespace-only input', () => {
    assert.deepEqual(splitBlocks(''), []);
    assert.deepEqual(splitBlocks(' \n\t\n\u00a0\r\n  '), []);
  });

  it('makes one block per line and records offsets and 1-based lines', () => {
    const raw = 'First paragraph.\nSecond paragraph.\n\n  Third one.';
    const blocks = splitBlocks(raw);
    assert.deepEqual(
      blocks.map((b) => [b.text, b.startLine, b.endLine, raw.slice(b.start, b.end)]),
      [
        ['First paragraph.', 1, 1, 'First paragraph.'],
        ['Second paragraph.', 2, 2, 'Second paragraph.'],
        ['Third one.', 4, 4, 'Third one.'],
      ],
    );
  });

  it('counts \\r\\n, \\r and \\n as one line break each, offsets into the raw string', () => {
    const raw = 'One.\r\nTwo.\rThree.\n\r\nFour.';
    const blocks = splitBlocks(raw);
    assert.deepEqual(
      blocks.map((b) => [b.startLine, raw.slice(b.start, b.end)]),
      [
        [1, 'One.'],
        [2, 'Two.'],
        [3, 'Three.'],
        [5, 'Four.'],
      ],
    );
  });

  it('skips a byte-order mark', () => {
    const blocks = splitBlocks('\ufeffHello there.');
    assert.equal(blocks[0]!.text, 'Hello there.');
    assert.equal(blocks[0]!.start, 1);
  });

  it('reads ATX and setext headings with their level', () => {
    const blocks = splitBlocks('# One\n\nTwo\n===\n\nThree\n---\n\n#### Four ####');
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.level, b.text]),
      [
        ['heading', 1, 'One'],
        ['heading', 1, 'Two'],
        ['heading', 2, 'Three'],
        ['heading', 4, 'Four'],
      ],
    );
  });

  it('drops rules, images and reference definitions, keeps list items apart', () => {
    const raw =
      '---\n\n![photo](p.jpg)\n\n- first item\n- second item\n  continued here\n\n[1]: http://x';
    const blocks = splitBlocks(raw);
    assert.deepEqual(
      blocks.map((b) => [b.text, b.listItem]),
      [
        ['first item', true],
        ['second item continued here', true],
      ],
    );
    assert.equal(raw.slice(blocks[1]!.start, blocks[1]!.end), 'second item\n  continued here');
  });

  it('joins a hard-wrapped chunk into one paragraph', () => {
    const raw = [
      'The council approved the budget on Tuesday after a long',
      'debate in which several members questioned the cost of the',
      'new bridge and the timing of the works.',
    ].join('\n');
    const blocks = splitBlocks(raw);
    assert.equal(blocks.length, 1);
    assert.equal(
      blocks[0]!.text,
      'The council approved the budget on Tuesday after a long debate in which several members questioned the cost of the new bridge and the timing of the works.',
    );
    assert.deepEqual([blocks[0]!.startLine, blocks[0]!.endLine], [1, 3]);
  });

  it('keeps short menu lines and long one-paragraph lines apart', () => {
    assert.deepEqual(texts('Home\nWorld\nSport'), ['Home', 'World', 'Sport']);
    const long =
      'A sentence that is long enough to be a whole paragraph on its own line, as browsers copy them, and it ends here.';
    assert.deepEqual(texts(`${long}\n${long}`), [long, long]);
  });

  it('keeps code fence content as text', () => {
    assert.deepEqual(texts('```\n# not a heading\n```'), ['# not a heading']);
  });

  it('cuts HTML at block tags, tracks landmarks and skips scripts', () => {
    const raw = [
      '<header><a href="/">Site</a><nav><a href="/a">A</a> | <a href="/b">B</a></nav></header>',
      '<h2>Title here</h2><p>First <b>para</b>.</p>',
      '<script>',
      'var x = "<p>not text</p>";',
      '</script>',
      '<p>Wrapped over',
      'two lines.</p>',
      '<footer><p>&copy; Site</p></footer>',
    ].join('\n');
    const blocks = splitBlocks(raw);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.level, b.text, b.landmark, b.linkCount]),
      [
        ['paragraph', 0, 'Site', 'header', 1],
        ['paragraph', 0, 'A | B', 'nav', 2],
        ['heading', 2, 'Title here', null, 0],
        ['paragraph', 0, 'First para.', null, 0],
        ['paragraph', 0, 'Wrapped over two lines.', null, 0],
        ['paragraph', 0, '© Site', 'footer', 0],
      ],
    );
    const wrapped = blocks[4]!;
    assert.deepEqual([wrapped.startLine, wrapped.endLine], [6, 7]);
  });

  it('marks HTML list items', () => {
    const blocks = splitBlocks('<ul><li>One thing</li><li>Another thing</li></ul>');
    assert.deepEqual(
      blocks.map((b) => [b.text, b.listItem]),
      [
        ['One thing', true],
        ['Another thing', true],
      ],
    );
  });

  it('counts layout gaps but not double spaces after a sentence', () => {
    const [menu, prose] = splitBlocks(
      'Home \u00a0 World \u00a0 Sport\n\nIt ended.\u00a0 Then more.',
    );
    assert.equal(menu!.gapCount, 2);
    assert.equal(prose!.gapCount, 0);
  });

  it('handles one very long line', () => {
    const line = 'word '.repeat(50_000).trim() + '.';
    const blocks = splitBlocks(line);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]!.end, line.length);
  });
});
