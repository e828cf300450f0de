/**
 * A learned second look at the blocks the rules keep, for text without markup (pasted block
 * text, or HTML on which Readability gave no article). The rules keep everything between the
 * first and the last prose-shaped block; teasers, newsletter and notice sentences, captions and
 * footers between them stay. This model (logistic regression, in the spirit of boilerpipe's and
 * jusText's line classifiers) scores each kept block from its own shape and its neighbours':
 * length, sentence-likeness, casing, function-word share, cues, position in the page, the prose
 * density around it, repeated lines.
 *
 * Its weights (./line-model-weights.ts) are fit by `npx tsx bench/fit-line-model.ts` on pages
 * that are NOT the evaluation corpus of bench/import-corpus.bench.ts (see that script).
 */
import { CUE_FAMILIES } from './cues';
import { isProseAnchor, type PageAnalysis } from './classify-blocks';
import { LINE_MODEL } from './line-model-weights';
import { MIN_FAMILY_EVIDENCE } from './score-blocks';
import type { RemovalReason } from './types';

/** Names of the features, in the order of `lineFeatures` and of the weights. */
export const LINE_FEATURES = [
  'bias',
  'logWords',
  'terminal',
  'lowercaseStart',
  'titleCase',
  'allCaps',
  'functionWords',
  'sentences',
  'shape',
  'evidence',
  'anchor',
  'heading',
  'listItem',
  'linkDensity',
  'position',
  'inBody',
  'beforeBody',
  'afterBody',
  'anchorsNear',
  'anchorsAround',
  'prevAnchor',
  'nextAnchor',
  'prevRemoved',
  'nextRemoved',
  'prevLogWords',
  'nextLogWords',
  'prevHeading',
  'digits',
  'contact',
  'question',
  'colon',
  'quoted',
  'repeated',
  'proseBefore',
  'proseAfter',
  'anchorDistance',
  'long',
  ...CUE_FAMILIES.map((f) => `cue:${f}`),
] as const;

/** Window (blocks each side) of the near and the wider prose density. */
const NEAR = 2;
const AROUND = 6;

/**
 * The features of every block of an analysed page, given the reasons the rules chose so far
 * (null = kept). Values are scaled to about [-1, 1] so that one learning rate fits them all.
 */
export function lineFeatures(
  analysis: PageAnalysis,
  reasons: readonly (RemovalReason | null)[],
): number[][] {
  const row = lineFeatureRows(analysis, reasons);
  return analysis.blocks.map((_, i) => row(i));
}

/**
 * `lineFeatures` block by block: what the rows share (prose anchors, their prefix sums, the
 * nearest anchors, repeated texts) is computed once, a row on demand, so the model reads only
 * the blocks it judges (on a long listing page, a few of thousands).
 */
function lineFeatureRows(
  analysis: PageAnalysis,
  reasons: readonly (RemovalReason | null)[],
): (i: number) => number[] {
  const { blocks, features, verdicts, firstAnchor, lastAnchor } = analysis;
  const n = blocks.length;
  const anchor = blocks.map((_, i) => isProseAnchor(analysis, i));
  // Prefix sums of anchors and of anchor words, for windows and "how much prose before".
  const anchorsUpTo = [0];
  const proseUpTo = [0];
  for (let i = 0; i < n; i++) {
    anchorsUpTo.push(anchorsUpTo[i]! + (anchor[i] ? 1 : 0));
    proseUpTo.push(proseUpTo[i]! + (anchor[i] ? features[i]!.words : 0));
  }
  const totalProse = proseUpTo[n]! || 1;
  const density = (i: number, w: number) => {
    const lo = Math.max(0, i - w);
    const hi = Math.min(n, i + w + 1);
    const others = hi - lo - 1;
    return others > 0 ? (anchorsUpTo[hi]! - anchorsUpTo[lo]! - (anchor[i] ? 1 : 0)) / others : 0;
  };
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  const logWords = (i: number) => (i >= 0 && i < n ? Math.log1p(features[i]!.words) / 5 : 0);
  let lastSeen = -Infinity;
  const previousAnchor = blocks.map((_, i) => {
    const at = lastSeen;
    if (anchor[i]) lastSeen = i;
    return at;
  });
  let nextSeen = Infinity;
  const nextAnchor: number[] = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    nextAnchor[i] = nextSeen;
    if (anchor[i]) nextSeen = i;
  }

  return (i) => {
    const b = blocks[i]!;
    const f = features[i]!;
    const v = verdicts[i]!;
    const text = b.text;
    const digits = digitCount(text) / (text.length || 1);
    const distance = Math.min(i - previousAnchor[i]!, nextAnchor[i]! - i, 10);
    const row = [
      1,
      Math.log1p(f.words) / 5,
      f.endsWithTerminal ? 1 : 0,
      f.startsLowercase ? 1 : 0,
      f.titleCaseRatio,
      f.allCapsRatio,
      f.functionWordRatio,
      Math.min(f.sentences, 5) / 5,
      Math.max(-6, Math.min(6, v.shape)) / 6,
      v.evidence / 4.5,
      anchor[i] ? 1 : 0,
      b.kind === 'heading' ? 1 : 0,
      b.listItem ? 1 : 0,
      f.linkDensity,
      n > 1 ? i / (n - 1) : 0,
      firstAnchor >= 0 && i >= firstAnchor && i <= lastAnchor ? 1 : 0,
      firstAnchor < 0 || i < firstAnchor ? 1 : 0,
      lastAnchor >= 0 && i > lastAnchor ? 1 : 0,
      density(i, NEAR),
      density(i, AROUND),
      i > 0 && anchor[i - 1] ? 1 : 0,
      i + 1 < n && anchor[i + 1] ? 1 : 0,
      i > 0 && reasons[i - 1] !== null ? 1 : 0,
      i + 1 < n && reasons[i + 1] !== null ? 1 : 0,
      logWords(i - 1),
      logWords(i + 1),
      i > 0 && blocks[i - 1]!.kind === 'heading' ? 1 : 0,
      Math.min(digits * 4, 1),
      /©|@|https?:\/\/|www\.|\.com\b/i.test(text) ? 1 : 0,
      /\?["”'’»)]*$/u.test(text) ? 1 : 0,
      // `/:\s*$/u` as a test of the end alone (the pattern scanned the whole text).
      text.trimEnd().endsWith(':') ? 1 : 0,
      /["“”«»„]/u.test(text) ? 1 : 0,
      (counts.get(text) ?? 1) >= 2 ? 1 : 0,
      proseUpTo[i]! / totalProse,
      (totalProse - proseUpTo[i + 1]!) / totalProse,
      distance / 10,
      f.words >= 30 ? 1 : 0,
    ];
    for (const family of CUE_FAMILIES) row.push(Math.min(f.cues[family], 4.5) / 4.5);
    return row;
  };
}

/** The ASCII digits in `text` (what `/\d/g` matches), counted without collecting them. */
function digitCount(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/** Probability that a block with these features is furniture, under `weights`. */
export function furnitureProbability(
  x: readonly number[],
  weights: readonly number[] = LINE_MODEL.weights,
): number {
  let z = 0;
  for (let k = 0; k < x.length; k++) z += x[k]! * (weights[k] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Removes the blocks the model judges (`judgedByLineModel`) and reads as furniture with at
 * least LINE_MODEL.threshold probability, when the page has a prose block and something would
 * be left. Changes `reasons` in place; the reason is the block's cue family when it has one,
 * otherwise "outside-article".
 */
export function applyLineModel(analysis: PageAnalysis, reasons: (RemovalReason | null)[]): void {
  // Without a prose block there is no article to set furniture apart from.
  if (analysis.firstAnchor < 0) return;
  const row = lineFeatureRows(analysis, reasons);
  const candidates = analysis.blocks
    .map((_, i) => i)
    .filter(
      (i) =>
        judgedByLineModel(analysis, reasons, i) &&
        furnitureProbability(row(i)) >= LINE_MODEL.threshold,
    );
  const removals = keepNumberedSequences(analysis, reasons, candidates);
  // Never everything: a page the model reads as all furniture keeps what the rules kept.
  if (removals.length === reasons.filter((r) => r === null).length) return;
  for (const i of removals) {
    const v = analysis.verdicts[i]!;
    reasons[i] = v.family && v.evidence >= 1 ? v.family : 'outside-article';
  }
}

/** A numbered item: "5. Kristi Dosh", "12) Use your garden"; not a date ("31. Oktober 2023"). */
const NUMBERED_ITEM = /^(\d{1,3})[.)]\s*\p{L}/u;
const YEAR = /\b\d{4}\b/;

/** The number of a numbered item, or null. */
function itemNumber(text: string): number | null {
  const match = NUMBERED_ITEM.exec(text);
  return match && !YEAR.test(text) ? Number(match[1]) : null;
}

/**
 * The candidates minus the numbered items of the body whose neighbours in the numbering (n - 1
 * or n + 1) stay: a listicle's "4. Nicki Case Haulman", "5. Kristi Dosh", "6. Michelle Beadle"
 * are one list, and one of them scored over the threshold is still its fifth heading.
 */
function keepNumberedSequences(
  analysis: PageAnalysis,
  reasons: readonly (RemovalReason | null)[],
  candidates: number[],
): number[] {
  const { blocks, firstAnchor, lastAnchor } = analysis;
  const removed = new Set(candidates);
  const keptNumbers = new Set<number>();
  for (let i = firstAnchor; i <= lastAnchor; i++) {
    if (reasons[i] !== null || removed.has(i)) continue;
    const n = itemNumber(blocks[i]!.text);
    if (n !== null) keptNumbers.add(n);
  }
  // Item by item along the list: a restored item keeps the next one too.
  let remaining = candidates;
  for (let changed = keptNumbers.size > 0; changed;) {
    changed = false;
    remaining = remaining.filter((i) => {
      if (i < firstAnchor || i > lastAnchor) return true;
      const n = itemNumber(blocks[i]!.text);
      if (n === null || !(keptNumbers.has(n - 1) || keptNumbers.has(n + 1))) return true;
      keptNumbers.add(n);
      changed = true;
      return false;
    });
  }
  return remaining;
}

/**
 * Whether the model judges block `i`: a paragraph the rules keep, not the title (headings are
 * judged with the run they head by the rules), not the rest of a sentence cut in two (a line
 * starting in lower case goes with its start).
 */
export function judgedByLineModel(
  analysis: PageAnalysis,
  reasons: readonly (RemovalReason | null)[],
  i: number,
): boolean {
  const f = analysis.features[i]!;
  // A short line carrying a cue ("las más vistas", "read more »", "loading...") or ending on a
  // link's arrow ("mehr erfahren >", "zur Terminübersicht »") is a widget of its own, not the
  // rest of a sentence, whatever its case.
  const cuedWidget =
    f.words <= CUED_WIDGET_MAX_WORDS &&
    (analysis.verdicts[i]!.evidence >= MIN_FAMILY_EVIDENCE ||
      LINK_ARROW_END.test(analysis.blocks[i]!.text));
  return (
    reasons[i] === null &&
    analysis.blocks[i]!.kind === 'paragraph' &&
    i !== analysis.titleIndex &&
    !(f.startsLowercase && !cuedWidget && continuesSentence(analysis, reasons, i))
  );
}

/** Words of a cued line that is judged even in lower case after an open line. */
export const CUED_WIDGET_MAX_WORDS = 4;
/** A link's arrow closing a line: "mehr >", "weiter »", "next →". */
const LINK_ARROW_END = /\p{L}\s*(?:>>?|»|›|→|↗)\s*$/u;

/**
 * Whether a line starting in lower case can be the rest of a sentence: the last kept block
 * before it leaves a sentence open (no closing punctuation, or an ellipsis). After finished sentences a line such as "articles les plus lus" or "lo más visto"
 * starts something new and is judged like any other.
 */
function continuesSentence(
  analysis: PageAnalysis,
  reasons: readonly (RemovalReason | null)[],
  i: number,
): boolean {
  const open = (k: number) =>
    !analysis.features[k]!.endsWithTerminal ||
    /(?:\.\.\.|…)["”'’)\]]*\s*$/u.test(analysis.blocks[k]!.text);
  for (let k = i - 1; k >= 0; k--) if (reasons[k] === null) return open(k);
  return false;
}
