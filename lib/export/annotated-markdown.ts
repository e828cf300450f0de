/**
 * An article's revision as Markdown with footnotes (GitHub Flavored Markdown): the text in
 * paragraphs, annotated passages in bold followed by a footnote reference `[^n]` per claim, and
 * one footnote per claim with the same content as the HTML notes. Article text and every claim
 * field are escaped so they render literally; only http(s) URLs become links.
 *
 * Overlapping and nested spans: the text is cut at every span boundary; consecutive covered
 * segments form one bold run (Markdown cannot nest or cross emphasis), and each annotation's
 * reference sits where it ends, inside the run when an inner annotation ends before the outer
 * one. Where CommonMark's flanking rules would not let `**` open or close (a run starting with
 * punctuation right after a letter, say), the run is left unbolded: its references still mark it.
 */

import { REVIEW_STATE_LABELS, VERDICT_LABELS } from '../domain';
import {
  prepareAnnotatedArticle,
  scopeLabel,
  sourceParts,
  type AnnotatedExportOptions,
  type ClaimNote,
  type PreparedArticle,
} from './annotated-article';
import { DEFAULT_CLAIM_FILTER } from './filter';
import { isoDate } from './dates';
import { describeEvidenceCapture } from './evidence-capture';
import {
  canCloseStrong,
  canOpenStrong,
  escapeMarkdownInline,
  escapeMarkdownParagraph,
  firstChar,
  indentContinuation,
  lastChar,
  lineStartEscapeIndex,
  markdownLineText,
  markdownLink,
} from './markdown';
import { isLineBreak, lineBreakBoundaries, splitSegments } from './segments';
import type { AnnotatedArticle, ExportConfig } from './types';

/** Options for the annotated Markdown export. */
export type AnnotatedMarkdownOptions = AnnotatedExportOptions;

/** Footnote bodies are indented by this many spaces (GFM continuation indent). */
const FOOTNOTE_INDENT = 4;
/** Content of a list item is indented by this many spaces. */
const LIST_ITEM_INDENT = 2;
const STRONG = '**';
const LEADING_SPACE = /^\s*/;
const TRAILING_SPACE = /\s*$/;
const PARAGRAPH_SPLIT = /(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/;

/** Renders the annotated article as a Markdown document with footnotes. */
export function toAnnotatedMarkdown(
  input: AnnotatedArticle,
  config: ExportConfig,
  options: AnnotatedMarkdownOptions = {},
): string {
  const prepared = prepareAnnotatedArticle(input, options.filter ?? DEFAULT_CLAIM_FILTER);
  const placedNotes = prepared.notes.filter((note) => note.placed.length > 0);
  const unplacedNotes = prepared.notes.filter((note) => note.placed.length === 0);
  const blocks = [
    ...renderHeader(prepared, config, options.now ?? new Date()),
    '---',
    renderText(prepared),
    ...(placedNotes.length > 0
      ? ['---', ...placedNotes.map((note) => footnote(note, prepared))]
      : []),
  ];
  if (unplacedNotes.length > 0) {
    blocks.push(
      '## Not located in this revision',
      unplacedNotes.map((note) => unplacedItem(note, prepared)).join('\n'),
    );
  }
  return blocks.filter((block) => block !== '').join('\n\n') + '\n';
}

function renderHeader(prepared: PreparedArticle, config: ExportConfig, now: Date): string[] {
  const { article, filter } = prepared;
  const source = sourceParts(article, { link: markdownLink, text: markdownLineText });
  const { revision } = article;
  const scope = scopeLabel(filter);
  return [
    `# ${markdownLineText(article.title)}`,
    source.join(' · '),
    `Revision ${revision.number} of ${isoDate(revision.createdAt)} · SHA-256 \`${revision.sha256.replace(/`/g, '')}\``,
    `${scope} · exported ${isoDate(now)} by ${markdownLink(config.organisation.url, config.organisation.name)}`,
  ];
}

/** A piece of a paragraph: text, whether an annotation covers it, references after it. */
type Piece = { text: string; covered: boolean; refs: number[] };

/** The article text as Markdown paragraphs with bold runs and footnote references. */
function renderText(prepared: PreparedArticle): string {
  const { text, placed } = prepared;
  const segments = splitSegments(
    text.length,
    placed.map((p) => p.annotation),
    { boundaries: lineBreakBoundaries(text) },
  );
  const endingAt = new Map<number, number[]>();
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i];
    if (!p) continue;
    const list = endingAt.get(p.annotation.end) ?? [];
    if (!list.includes(p.number)) list.push(p.number);
    endingAt.set(p.annotation.end, list);
  }

  const paragraphs: Piece[][] = [];
  let current: Piece[] = [];
  let last: Piece | undefined;
  for (const segment of segments) {
    if (isLineBreak(text, segment)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      last = {
        text: text.slice(segment.start, segment.end),
        covered: segment.spans.length > 0,
        refs: [],
      };
      current.push(last);
    }
    const ending = endingAt.get(segment.end);
    if (ending && last) last.refs.push(...ending.filter((n) => !last?.refs.includes(n)));
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs
    .map(renderParagraph)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** One paragraph: escaped pieces, covered runs in `**`, references after annotations. */
function renderParagraph(pieces: Piece[]): string {
  trimPieces(pieces);
  const escapeAt = lineStartEscapeIndex(pieces.map((p) => p.text).join(''));
  let offset = 0;
  const escaped = pieces.map((piece) => {
    const at = escapeAt - offset;
    offset += piece.text.length;
    if (at < 0 || at >= piece.text.length) return escapeMarkdownInline(piece.text);
    return (
      escapeMarkdownInline(piece.text.slice(0, at)) +
      '\\' +
      escapeMarkdownInline(piece.text.slice(at))
    );
  });

  let out = '';
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i] as Piece;
    if (!piece.covered) {
      out += (escaped[i] ?? '') + references(piece.refs);
      i++;
      continue;
    }
    let j = i;
    while (j < pieces.length && pieces[j]?.covered) j++;
    let content = '';
    for (let k = i; k < j; k++) {
      content += escaped[k] ?? '';
      if (k < j - 1) content += references(pieces[k]?.refs ?? []);
    }
    const lastRefs = references(pieces[j - 1]?.refs ?? []);
    const lead = LEADING_SPACE.exec(content)?.[0] ?? '';
    const trail = content.length > lead.length ? (TRAILING_SPACE.exec(content)?.[0] ?? '') : '';
    const core = content.slice(lead.length, content.length - trail.length);
    const before = lead ? ' ' : lastChar(out);
    const after = lastRefs ? '[' : trail ? ' ' : firstChar(escaped[j] ?? '');
    const bold =
      core !== '' &&
      canOpenStrong(before, firstChar(core)) &&
      canCloseStrong(lastChar(core), after);
    out += bold ? `${lead}${STRONG}${core}${STRONG}${lastRefs}${trail}` : `${content}${lastRefs}`;
    i = j;
  }
  return out;
}

/** Drops leading and trailing whitespace of a paragraph (indentation would make code blocks). */
function trimPieces(pieces: Piece[]): void {
  for (const piece of pieces) {
    piece.text = piece.text.trimStart();
    if (piece.text !== '') break;
  }
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i] as Piece;
    piece.text = piece.text.trimEnd();
    if (piece.text !== '') break;
  }
}

function references(numbers: readonly number[]): string {
  return numbers.map((n) => `[^${n}]`).join('');
}

function footnote(note: ClaimNote, prepared: PreparedArticle): string {
  const head = `[^${note.number}]: ${noteTitle(note)}`;
  return indentContinuation(`${head}\n\n${noteFields(note, prepared)}`, FOOTNOTE_INDENT);
}

function unplacedItem(note: ClaimNote, prepared: PreparedArticle): string {
  const head = `- **Claim ${note.number}.** ${noteTitle(note)}`;
  return indentContinuation(`${head}\n\n${noteFields(note, prepared)}`, LIST_ITEM_INDENT);
}

function noteTitle(note: ClaimNote): string {
  return `**${escapeMarkdownInline(VERDICT_LABELS[note.claim.verdict])}:** ${markdownLineText(note.claim.text)}`;
}

/** The claim's details as a Markdown list (continuation lines indented for the list items). */
function noteFields(note: ClaimNote, prepared: PreparedArticle): string {
  const { claim } = note;
  const fields: string[] = [];
  const field = (label: string, value: string) => fields.push(`- **${label}:** ${value}`);
  if (claim.claimant) field('Claimant', markdownLineText(claim.claimant));
  field('Verdict', escapeMarkdownInline(VERDICT_LABELS[claim.verdict]));
  if (prepared.filter === 'all') {
    field('Review state', escapeMarkdownInline(REVIEW_STATE_LABELS[claim.reviewState]));
  }
  const rationale = claim.rationale
    .split(PARAGRAPH_SPLIT)
    .map((paragraph) => escapeMarkdownParagraph(paragraph.replace(/\s+/g, ' ')))
    .filter((paragraph) => paragraph !== '');
  if (rationale.length > 0) {
    field('Rationale', indentContinuation(rationale.join('\n\n'), LIST_ITEM_INDENT));
  }
  if (claim.evidence.length > 0) {
    const items = claim.evidence.map((e) => {
      const url = e.title ? ` (${markdownLineText(e.url)})` : '';
      const accessed = e.accessedAt ? `, accessed ${isoDate(e.accessedAt)}` : '';
      const quote = e.quote?.trim() ? `: “${markdownLineText(e.quote)}”` : '';
      const stored = describeEvidenceCapture(e);
      const copy = stored ? `\n    ${markdownLineText(stored)}` : '';
      return `  - ${markdownLink(e.url, e.title)}${url}${accessed}${quote}${copy}`;
    });
    fields.push(`- **Evidence:**\n${items.join('\n')}`);
  }
  field('Reviewed', reviewLine(note));
  for (const annotation of note.unplaced) {
    field(
      'Not located',
      `the quoted passage was not found in this revision: “${markdownLineText(annotation.exact)}”`,
    );
  }
  return fields.join('\n');
}

function reviewLine(note: ClaimNote): string {
  const { claim } = note;
  if (claim.reviewState === 'APPROVED' && claim.approvedAt) {
    const by = claim.reviewer ? ` by ${markdownLineText(claim.reviewer.name)}` : '';
    return `approved${by} on ${isoDate(claim.approvedAt)}`;
  }
  const reviewer = claim.reviewer ? `, reviewer ${markdownLineText(claim.reviewer.name)}` : '';
  return `not approved yet (${escapeMarkdownInline(REVIEW_STATE_LABELS[claim.reviewState])}${reviewer})`;
}
