/**
 * Cleans text pasted from a web page into the article alone.
 *
 * Pipeline: split into blocks (split-blocks) -> classify them (classify-blocks) -> assemble the
 * kept blocks, rejoining sentences a removed block cut in two (join-fragments) -> drop the
 * shorter copy of duplicate paragraphs (find-duplicates) -> group removed blocks into keepable
 * units with stable ids.
 *
 * Output text: block texts joined by one blank line ("\n\n"); headings are their own block,
 * without "#" markers; list items are their own paragraphs, bullets removed. `blocks` carries
 * the kind of each block so the UI can render headings.
 */
import { applyKeeps, assemble, buildResult, range } from './assemble';
import {
  classifyBlocks,
  isProseAnchor,
  type BlockVerdict,
  type PageAnalysis,
} from './classify-blocks';
import { metadataFromAnalysis } from './extract-metadata';
import { applyLineModel } from './line-model';
import { findDuplicateParagraphs, type DuplicateOptions } from './find-duplicates';
import type { DateOptions } from './parse-date';
import { MIN_FAMILY_EVIDENCE } from './score-blocks';
import { splitBlocks, type SplitOptions } from './split-blocks';
import { comparableWords, fnv1a32 } from './text-utils';
import {
  REMOVAL_REASON_LABELS,
  type CleanResult,
  type RemovalReason,
  type RemovedBlock,
  type Segment,
  type SourceBlock,
} from './types';

/** Options of `cleanText`. */
export interface CleanOptions extends DateOptions, SplitOptions {
  /** Ids of removed groups to keep after all (see `applyKeeps`). Unknown ids are ignored. */
  keep?: readonly string[];
  /** Remove the shorter copy of duplicate paragraphs. Default true. */
  removeDuplicates?: boolean;
  /** Rejoin sentences cut by a removed block or a line break. Default true. */
  rejoinFragments?: boolean;
  /** Thresholds of the duplicate finder. */
  duplicates?: DuplicateOptions;
  /**
   * Titles the page declares (og:title, JSON-LD headline, <title>, Readability's title): a
   * first block that repeats one of them is the headline.
   */
  knownTitles?: readonly (string | null | undefined)[];
}

function groupId(start: number, text: string): string {
  return `rm-${start}-${fnv1a32(text).toString(36)}`;
}

function makeGroup(reason: RemovalReason, members: Segment[], duplicateOf?: string): RemovedBlock {
  const first = members[0]!;
  const last = members.at(-1)!;
  const text = members.map((m) => m.text).join('\n');
  return {
    id: groupId(first.start, text),
    reason,
    label: REMOVAL_REASON_LABELS[reason],
    text,
    start: first.start,
    end: last.end,
    startLine: first.startLine,
    endLine: last.endLine,
    ranges: members.map(range),
    ...(duplicateOf !== undefined ? { duplicateOf } : {}),
  };
}

/**
 * Share of the text the classifier keeps that must lie inside the article an HTML extractor
 * (Readability) found for its "outside the article" hints to count. Below it the extractor
 * most likely picked the wrong part of the page (a comment thread, a sidebar), and the
 * classifier alone decides.
 */
export const MIN_INSIDE_SHARE = 0.5;

/** Reason for a block only the extractor left out: its landmark, its cues, or just "outside". */
function outsideReason(block: SourceBlock, verdict: BlockVerdict): RemovalReason {
  switch (block.landmark) {
    case 'nav':
      return 'navigation';
    case 'footer':
      return 'footer';
    case 'header':
      return 'site-header';
    case 'aside':
      return 'related';
  }
  if (verdict.family && verdict.evidence >= MIN_FAMILY_EVIDENCE) return verdict.family;
  return 'outside-article';
}

/**
 * Reasons the classifier gives from a block's shape and position alone. A block removed for one
 * of these, without a lexical cue, is restored when the extractor's article holds it (a
 * standfirst, an interview question, a fact box between paragraphs): the extractor read the
 * page's structure, the classifier only the block. Cued removals (share bars, "read more",
 * comment prompts), metadata lines and duplicates stand.
 */
const RESTORABLE = new Set<RemovalReason>(['site-header', 'navigation', 'footer', 'related']);

/**
 * Applies an HTML extractor's (Readability's) verdict, unless its article looks wrong (less
 * than MIN_INSIDE_SHARE of what the classifier keeps lies inside it): blocks it left out are
 * removed, except the title and the lead paragraphs between the title and its article (it often
 * leaves a standfirst in the page header); blocks it kept that the classifier removed on shape
 * alone are restored. Returns whether the hints were applied.
 */
function applyExtractorHints(
  blocks: readonly SourceBlock[],
  analysis: PageAnalysis,
  reasons: (RemovalReason | null)[],
): boolean {
  if (!blocks.some((b) => b.outsideArticle)) return false;
  let kept = 0;
  let inside = 0;
  blocks.forEach((b, i) => {
    if (reasons[i] !== null) return;
    kept += b.text.length;
    if (!b.outsideArticle) inside += b.text.length;
  });
  if (kept === 0 || inside < kept * MIN_INSIDE_SHARE) return false;
  const firstInside = blocks.findIndex((b) => !b.outsideArticle);
  const isLead = (i: number) =>
    analysis.titleIndex >= 0 &&
    i > analysis.titleIndex &&
    i < firstInside &&
    isProseAnchor(analysis, i);
  blocks.forEach((b, i) => {
    if (b.outsideArticle) {
      // The title often sits outside the extracted body (Readability lifts it out).
      if (reasons[i] !== null || i === analysis.titleIndex || isLead(i)) return;
      reasons[i] = outsideReason(b, analysis.verdicts[i]!);
    } else {
      const reason = reasons[i];
      if (reason && RESTORABLE.has(reason) && !linked(analysis, i) && !cueEvidence(analysis, i)) {
        reasons[i] = null;
      }
    }
  });
  return true;
}

/**
 * Link text share from which a block reads as a link (a headline in a story list) rather than
 * text; such blocks are never restored, even inside the extractor's article (lists of related
 * headlines dropped mid-article are inside it).
 */
export const MAX_RESTORED_LINK_DENSITY = 0.5;

function linked(analysis: PageAnalysis, i: number): boolean {
  return analysis.features[i]!.linkDensity >= MAX_RESTORED_LINK_DENSITY;
}

/** Whether a lexical cue (not a landmark or the link layout) counts against the block. */
function cueEvidence(analysis: PageAnalysis, i: number): boolean {
  const cues = analysis.features[i]!.cues;
  return Object.values(cues).some((score) => score >= MIN_FAMILY_EVIDENCE);
}

/** Most words a headline has; longer first blocks are the article's opening paragraph. */
export const MAX_HEADLINE_WORDS = 25;
/** Share of a block's words a declared title must contain for the block to be that title. */
export const SAME_TITLE_SHARE = 0.8;

/** Whether `a` and `b` are the same title (site suffixes and punctuation aside). */
function sameTitle(a: string, b: string): boolean {
  const x = comparableWords(a);
  const y = new Set(comparableWords(b));
  if (x.length < 2 || y.size === 0) return false;
  const shared = x.filter((w) => y.has(w)).length;
  // A declared title often carries the site's name ("Headline - The Times"): the block must be
  // nearly all title, the title at least half block.
  return shared >= x.length * SAME_TITLE_SHARE && shared >= y.size / 2;
}

/**
 * The article's headline: the first kept block when it is the title the classifier found,
 * repeats a title the page declares, or (pasted text) is a short line without closing
 * punctuation followed by the body. -1 when the article does not start with one, or when it
 * would leave no body.
 */
function findHeadline(
  blocks: readonly SourceBlock[],
  analysis: PageAnalysis,
  reasons: readonly (RemovalReason | null)[],
  knownTitles: readonly (string | null | undefined)[],
): number {
  const first = reasons.indexOf(null);
  if (first < 0) return -1;
  const next = reasons.indexOf(null, first + 1);
  if (next < 0) return -1;
  const block = blocks[first]!;
  const words = countWords(block.text);
  if (block.listItem || words === 0 || words > MAX_HEADLINE_WORDS) return -1;
  const declared = knownTitles.filter((t): t is string => !!t?.trim());
  if (declared.some((t) => sameTitle(block.text, t))) return first;
  // The classifier's title only counts when the page declares none: where it does, a first
  // heading that is not that title is a section heading ("Künstlerischer Lebenslauf").
  if (first === analysis.titleIndex && declared.length === 0) return first;
  const body = blocks[next]!;
  const headlineShaped = words >= 3 && !/[.!?:;,…"”'’)\]]$/u.test(block.text.trim());
  const bodyShaped =
    body.kind === 'paragraph' &&
    countWords(body.text) > Math.max(words, 12) &&
    /[.!?…"”'’)\]]$/u.test(body.text.trim());
  return headlineShaped && bodyShaped ? first : -1;
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/**
 * Cleans pasted page text. Returns the article text and blocks, the removed groups (each with
 * a stable id, reason, label, text and raw position), and the metadata found. Pass `keep` ids
 * to keep removed groups after all. Deterministic; never throws on any string input.
 */
export function cleanText(raw: string, options: CleanOptions = {}): CleanResult {
  return cleanBlocks(splitBlocks(raw, options), options);
}

/**
 * Cleans a page already cut into blocks (`splitBlocks` for text, `toSourceBlocks` for HTML and
 * .docx turned into structured blocks by server/import). Blocks flagged `outsideArticle` are
 * removed too, when the classifier's article mostly lies inside the extractor's (see
 * MIN_INSIDE_SHARE). Same result shape and guarantees as `cleanText`.
 */
export function cleanBlocks(sourceBlocks: SourceBlock[], options: CleanOptions = {}): CleanResult {
  const rejoin = options.rejoinFragments ?? true;
  const analysis = classifyBlocks(sourceBlocks, options);
  const metadata = metadataFromAnalysis(analysis, options);
  const reasons: (RemovalReason | null)[] = analysis.verdicts.map((v) => v.reason);
  // Without an extractor's article (pasted text), the learned line model takes a second look
  // at what the rules keep between the first and last prose block.
  if (!applyExtractorHints(sourceBlocks, analysis, reasons)) applyLineModel(analysis, reasons);
  const headline = findHeadline(sourceBlocks, analysis, reasons, options.knownTitles ?? []);
  if (headline >= 0) {
    reasons[headline] = 'headline';
    metadata.title ??= sourceBlocks[headline]!.text;
  }

  const segments: Segment[] = sourceBlocks.map((b) => ({
    kind: b.kind,
    level: b.level,
    listItem: b.listItem,
    text: b.text,
    start: b.start,
    end: b.end,
    startLine: b.startLine,
    endLine: b.endLine,
    removedId: null,
  }));

  // Duplicates are judged on assembled paragraphs (a rejoined sentence is one paragraph).
  const duplicateOf = new Map<number, number>();
  const longerCopy = new Map<number, string>();
  if (options.removeDuplicates ?? true) {
    const draft = assemble(segments, (_s, i) => reasons[i] !== null, rejoin);
    const paragraphs = draft.filter((a) => a.block.kind === 'paragraph');
    const matches = findDuplicateParagraphs(
      paragraphs.map((a) => a.block.text),
      options.duplicates,
    );
    for (const match of matches) {
      const members = paragraphs[match.index]!.segments;
      for (const s of members) {
        reasons[s] = 'duplicate';
        duplicateOf.set(s, match.index);
      }
      longerCopy.set(match.index, paragraphs[match.duplicateOf]!.block.text);
    }
  }

  // Group removed blocks: runs of adjacent blocks with one reason; a duplicate paragraph's
  // segments form one group even when other removed blocks sit between them.
  const groups: RemovedBlock[] = [];
  const duplicateGroups = new Map<number, number[]>();
  for (let i = 0; i < segments.length;) {
    const reason = reasons[i];
    if (!reason) {
      i++;
      continue;
    }
    if (reason === 'duplicate') {
      const key = duplicateOf.get(i)!;
      const list = duplicateGroups.get(key) ?? [];
      list.push(i);
      duplicateGroups.set(key, list);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < segments.length && reasons[j] === reason) j++;
    const members = segments.slice(i, j);
    const group = makeGroup(reason, members);
    for (const m of members) m.removedId = group.id;
    groups.push(group);
    i = j;
  }
  for (const [key, indices] of duplicateGroups) {
    const members = indices.map((k) => segments[k]!);
    const group = makeGroup('duplicate', members, longerCopy.get(key));
    for (const m of members) m.removedId = group.id;
    groups.push(group);
  }
  groups.sort((a, b) => a.start - b.start);

  return buildResult(segments, groups, metadata, options.keep ?? [], rejoin);
}

/** Re-exported: keeping removed groups after all lives in ./assemble (browser-safe). */
export { applyKeeps };
