/**
 * The article text as a ProseMirror document, and back: one paragraph node per paragraph of
 * the text, with whatever stood between paragraphs (blank lines, a carriage return, indentation)
 * kept in the paragraph's `gap` attribute and the text around them in the document's `prefix`
 * and `suffix`, so that `textOf(docOf(text)) === text` and an edit in Revise mode changes only
 * what the user changed. Edits are read off transactions here as text edits (lib/anchoring's
 * `TextEdit`), the form in which a revision carries them to the server.
 */
import { Schema, type Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import type { TextEdit } from '@/lib/anchoring/text-edits';
import { buildParagraphMap, posToOffset, type ParagraphMap } from '@/lib/paragraph-map';
import { splitParagraphs, type Paragraph } from '@/lib/text';

export const schema = new Schema({
  nodes: {
    doc: {
      content: 'paragraph+',
      attrs: { prefix: { default: '' }, suffix: { default: '' }, separator: { default: '\n\n' } },
    },
    paragraph: {
      content: 'text*',
      // The text before the paragraph since the previous one; null: the document's separator
      // (a paragraph the user made with Enter). Unused on the first paragraph.
      attrs: { gap: { default: null } },
      toDOM: () => ['p', 0],
      parseDOM: [{ tag: 'p' }],
    },
    text: {},
  },
});

/** The document of `text`: its paragraphs (see lib/text's splitParagraphs) and what lies between. */
export function docOf(text: string): Node {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) {
    return schema.node('doc', { prefix: text }, [schema.node('paragraph')]);
  }
  const gaps = paragraphs.map((p, i) =>
    i === 0 ? '' : text.slice(paragraphs[i - 1]!.end, p.start),
  );
  return schema.node(
    'doc',
    {
      prefix: text.slice(0, paragraphs[0]!.start),
      suffix: text.slice(paragraphs.at(-1)!.end),
      separator: commonest(gaps.slice(1)) ?? '\n\n',
    },
    paragraphs.map((p, i) =>
      schema.node('paragraph', { gap: i === 0 ? null : gaps[i] }, [schema.text(p.text)]),
    ),
  );
}

/** The paragraphs of `doc` with their offsets in `textOf(doc)`. */
export function paragraphsOf(doc: Node): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let at = (doc.attrs.prefix as string).length;
  doc.forEach((node, _offset, index) => {
    if (index > 0) at += gapOf(doc, node).length;
    const text = node.textContent;
    paragraphs.push({ start: at, end: at + text.length, text });
    at += text.length;
  });
  return paragraphs;
}

/** The text of `doc`: prefix, paragraphs with their gaps, suffix. */
export function textOf(doc: Node): string {
  const parts: string[] = [doc.attrs.prefix as string];
  doc.forEach((node, _offset, index) => {
    if (index > 0) parts.push(gapOf(doc, node));
    parts.push(node.textContent);
  });
  parts.push(doc.attrs.suffix as string);
  return parts.join('');
}

/** The position ↔ offset map of `doc` (see lib/paragraph-map). */
export function mapOf(doc: Node): ParagraphMap {
  return buildParagraphMap(paragraphsOf(doc));
}

/**
 * The text edits a transaction made, one per step, each in the text as the step found it:
 * applied in order to `textOf(tr.before)` they give `textOf(tr.doc)` (lib/anchoring's
 * `applyTextEdits`). A step's edit covers exactly the range its step map replaced, so text typed
 * next to a repeat of itself is recorded where it was typed.
 */
export function editsOf(tr: Transaction): TextEdit[] {
  const edits: TextEdit[] = [];
  tr.steps.forEach((step, i) => {
    const before = tr.docs[i]!;
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    const oldText = textOf(before);
    const newText = textOf(after);
    if (oldText === newText) return;
    const edit = editOfStep(step.getMap(), before, after, newText);
    const applies =
      edit !== null &&
      oldText.slice(0, edit.from) + edit.insert + oldText.slice(edit.to) === newText;
    edits.push(applies ? edit : trimmedEdit(oldText, newText));
  });
  return edits;
}

type StepMapLike = {
  forEach(f: (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => void): void;
};

function editOfStep(map: StepMapLike, before: Node, after: Node, newText: string): TextEdit | null {
  const ranges: [number, number, number, number][] = [];
  map.forEach((...range) => ranges.push(range));
  if (ranges.length !== 1) return null;
  const [oldStart, oldEnd, newStart, newEnd] = ranges[0]!;
  const beforeMap = mapOf(before);
  const afterMap = mapOf(after);
  const from = posToOffset(beforeMap, oldStart);
  const to = posToOffset(beforeMap, oldEnd);
  const newFrom = posToOffset(afterMap, newStart);
  const newTo = posToOffset(afterMap, newEnd);
  if (newFrom !== from || newTo < newFrom) return null;
  return { from, to, insert: newText.slice(newFrom, newTo) };
}

/** The one changed stretch between two texts (a step that changed no range, e.g. an attribute). */
function trimmedEdit(oldText: string, newText: string): TextEdit {
  let head = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (head < shorter && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  // Never cut a surrogate pair.
  if (isHigh(oldText.charCodeAt(head - 1))) head--;
  if (isLow(oldText.charCodeAt(oldText.length - tail))) tail--;
  return {
    from: head,
    to: oldText.length - tail,
    insert: newText.slice(head, newText.length - tail),
  };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function gapOf(doc: Node, paragraph: Node): string {
  return (paragraph.attrs.gap as string | null) ?? (doc.attrs.separator as string);
}

function commonest(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === null || count > counts.get(best)!) best = value;
  }
  return best;
}
