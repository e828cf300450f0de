/**
 * An article's revision as one self-contained HTML file: the text in paragraphs with every
 * annotated span highlighted in its verdict's colour and numbered, and a note per claim (claim,
 * claimant, verdict, rationale, evidence, reviewer and review date). Inline CSS with a print
 * stylesheet, no scripts, and a Content-Security-Policy that forbids them; all user data is
 * escaped and only http(s) URLs become links.
 *
 * Overlapping and nested spans: the text is cut at every span boundary (`splitSegments`), each
 * segment becomes one flat `<mark>` carrying the classes of every annotation covering it: the
 * innermost annotation's fill and one underline per annotation, each on the lane `assignLanes`
 * gave it, so nested and crossing spans read as stacked underlines.
 */

import { REVIEW_STATE_LABELS, VERDICT_LABELS, type Verdict } from '../domain';
import { annotatedHtmlStyle, MAX_UNDERLINE_LANES, verdictClass } from './annotated-html-style';
import {
  prepareAnnotatedArticle,
  scopeLabel,
  sourceParts,
  type AnnotatedExportOptions,
  type ClaimNote,
  type PlacedAnnotation,
  type PreparedArticle,
} from './annotated-article';
import { DEFAULT_CLAIM_FILTER } from './filter';
import { isoDate } from './dates';
import { describeEvidenceCapture } from './evidence-capture';
import { escapeHtml, htmlLink, htmlParagraphs } from './html';
import { assignLanes, isLineBreak, lineBreakBoundaries, splitSegments } from './segments';
import type { AnnotatedArticle, ExportConfig } from './types';

/** Options for the annotated HTML export. */
export type AnnotatedHtmlOptions = AnnotatedExportOptions & {
  /** `lang` of the document (the language of its labels); default `en`. */
  readonly language?: string;
};

/**
 * The Content-Security-Policy of the document: nothing may load or run except its own inline
 * styles (and data: images); no scripts of any kind, no base URL, no form submission.
 */
export const ANNOTATED_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const DEFAULT_LANGUAGE = 'en';

/** Renders the annotated article as a complete HTML document. */
export function toAnnotatedHtml(
  input: AnnotatedArticle,
  config: ExportConfig,
  options: AnnotatedHtmlOptions = {},
): string {
  const prepared = prepareAnnotatedArticle(input, options.filter ?? DEFAULT_CLAIM_FILTER);
  const lanes = assignLanes(
    prepared.placed.map((p) => p.annotation),
    prepared.text.length,
  );
  const laneCount = lanes.reduce((count, lane) => Math.max(count, lane + 1), 1);
  const { article } = prepared;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.language ?? DEFAULT_LANGUAGE)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(ANNOTATED_HTML_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Factmark">',
    `<title>${escapeHtml(article.title)} (annotated)</title>`,
    `<style>${annotatedHtmlStyle(laneCount)}</style>`,
    '</head>',
    '<body>',
    renderHeader(prepared, config, options.now ?? new Date()),
    '<main>',
    `<article class="fm-article">\n${renderText(prepared, lanes)}\n</article>`,
    renderNotes(prepared),
    '</main>',
    `<footer>Fact-checked by ${htmlLink(config.organisation.url, config.organisation.name)}.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderHeader(prepared: PreparedArticle, config: ExportConfig, now: Date): string {
  const { article, filter } = prepared;
  const source = sourceParts(article, { link: htmlLink, text: escapeHtml });
  const revision = article.revision;
  const scope = scopeLabel(filter);
  const used = new Set(prepared.notes.map((note) => note.claim.verdict));
  const legend = [...used].map((verdict) => `<li>${chip(verdict)}</li>`).join('');
  return [
    '<header>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    source.length > 0 ? `<p class="fm-meta">${source.join(' · ')}</p>` : '',
    `<p class="fm-meta">Revision ${revision.number} of ${isoDate(revision.createdAt)} · SHA-256 <code>${escapeHtml(revision.sha256)}</code></p>`,
    `<p class="fm-meta">${scope} · exported ${isoDate(now)} by ${escapeHtml(config.organisation.name)}</p>`,
    legend ? `<ul class="fm-legend" aria-label="Verdicts">${legend}</ul>` : '',
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The article text as paragraphs, with highlight segments and note references. */
function renderText(prepared: PreparedArticle, lanes: readonly number[]): string {
  const { text, placed } = prepared;
  const segments = splitSegments(
    text.length,
    placed.map((p) => p.annotation),
    { boundaries: lineBreakBoundaries(text) },
  );
  const endingAt = new Map<number, number[]>();
  for (let i = placed.length - 1; i >= 0; i--) {
    const end = placed[i]?.annotation.end ?? 0;
    const list = endingAt.get(end);
    if (list) list.push(i);
    else endingAt.set(end, [i]);
  }

  const out: string[] = [];
  let open = false;
  const openParagraph = () => {
    if (!open) out.push('<p>');
    open = true;
  };
  for (const segment of segments) {
    if (isLineBreak(text, segment)) {
      if (open) out.push('</p>\n');
      open = false;
    } else {
      openParagraph();
      const content = escapeHtml(text.slice(segment.start, segment.end));
      out.push(segment.spans.length === 0 ? content : mark(segment.spans, placed, lanes, content));
    }
    const ending = endingAt.get(segment.end);
    if (ending) {
      openParagraph();
      for (const index of ending) out.push(reference(index, placed));
    }
  }
  if (open) out.push('</p>');
  return out.join('');
}

function mark(
  spans: readonly number[],
  placed: readonly PlacedAnnotation[],
  lanes: readonly number[],
  content: string,
): string {
  const innermost = placed[spans[spans.length - 1] ?? 0];
  const classes = ['fm-seg'];
  if (innermost) classes.push(`fm-f-${verdictClass(innermost.claim.verdict)}`);
  const numbers = new Set<number>();
  const titles: string[] = [];
  for (const index of spans) {
    const p = placed[index];
    if (!p) continue;
    const lane = Math.min(MAX_UNDERLINE_LANES - 1, Math.max(0, lanes[index] ?? 0));
    classes.push(`fm-l${lane}-${verdictClass(p.claim.verdict)}`);
    if (!numbers.has(p.number)) titles.push(`${p.number}: ${VERDICT_LABELS[p.claim.verdict]}`);
    numbers.add(p.number);
  }
  const attributes = [
    `class="${classes.join(' ')}"`,
    `data-claims="${[...numbers].join(' ')}"`,
    `title="${escapeHtml(titles.join('; '))}"`,
  ];
  return `<mark ${attributes.join(' ')}>${content}</mark>`;
}

function reference(index: number, placed: readonly PlacedAnnotation[]): string {
  const p = placed[index];
  if (!p) return '';
  const label = `Claim ${p.number}: ${VERDICT_LABELS[p.claim.verdict]}`;
  return `<sup class="fm-ref"><a href="#fm-claim-${p.number}" id="fm-ref-${index}" aria-label="${escapeHtml(label)}">${p.number}</a></sup>`;
}

function renderNotes(prepared: PreparedArticle): string {
  if (prepared.notes.length === 0) {
    return '<section class="fm-notes"><h2>Fact-checks</h2><p>No fact-checks to show.</p></section>';
  }
  const firstRef = new Map<PlacedAnnotation, number>(prepared.placed.map((p, i) => [p, i]));
  const items = prepared.notes.map((note) => renderNote(note, prepared, firstRef)).join('\n');
  return `<section class="fm-notes" aria-labelledby="fm-notes-title">\n<h2 id="fm-notes-title">Fact-checks</h2>\n<ol>\n${items}\n</ol>\n</section>`;
}

function renderNote(
  note: ClaimNote,
  prepared: PreparedArticle,
  refIndex: ReadonlyMap<PlacedAnnotation, number>,
): string {
  const { claim } = note;
  const first = note.placed[0];
  const back =
    first !== undefined
      ? ` <a class="fm-back" href="#fm-ref-${refIndex.get(first) ?? 0}" aria-label="Back to the text">↩</a>`
      : '';
  const rows: [string, string][] = [];
  if (claim.claimant) rows.push(['Claimant', escapeHtml(claim.claimant)]);
  rows.push(['Verdict', escapeHtml(VERDICT_LABELS[claim.verdict])]);
  if (prepared.filter === 'all') {
    rows.push(['Review state', escapeHtml(REVIEW_STATE_LABELS[claim.reviewState])]);
  }
  if (claim.rationale.trim()) rows.push(['Rationale', htmlParagraphs(claim.rationale)]);
  if (claim.evidence.length > 0) {
    const items = claim.evidence.map((e) => {
      const url = e.title ? ` <span class="fm-url">(${escapeHtml(e.url)})</span>` : '';
      const quote = e.quote ? `<blockquote>${htmlParagraphs(e.quote)}</blockquote>` : '';
      const accessed = e.accessedAt
        ? ` <span class="fm-url">accessed ${isoDate(e.accessedAt)}</span>`
        : '';
      const stored = describeEvidenceCapture(e);
      const copy = stored ? `<p class="fm-url">${escapeHtml(stored)}</p>` : '';
      return `<li>${htmlLink(e.url, e.title)}${url}${accessed}${quote}${copy}</li>`;
    });
    rows.push(['Evidence', `<ul>${items.join('')}</ul>`]);
  }
  rows.push(['Reviewed', reviewLine(note)]);
  for (const annotation of note.unplaced) {
    rows.push([
      'Not located',
      `The quoted passage was not found in this revision: <q>${escapeHtml(annotation.exact)}</q>`,
    ]);
  }
  const definitions = rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('');
  return [
    `<li class="fm-note fm-v-${verdictClass(claim.verdict)}" id="fm-claim-${note.number}">`,
    `<h3><span class="fm-num">${note.number}</span> ${chip(claim.verdict)}${back}</h3>`,
    `<p class="fm-claim">${escapeHtml(claim.text)}</p>`,
    `<dl>${definitions}</dl>`,
    '</li>',
  ].join('');
}

function reviewLine(note: ClaimNote): string {
  const { claim } = note;
  if (claim.reviewState === 'APPROVED' && claim.approvedAt) {
    const by = claim.reviewer ? ` by ${escapeHtml(claim.reviewer.name)}` : '';
    return `Approved${by} on ${isoDate(claim.approvedAt)}`;
  }
  const reviewer = claim.reviewer ? `, reviewer ${escapeHtml(claim.reviewer.name)}` : '';
  return `Not approved yet (${escapeHtml(REVIEW_STATE_LABELS[claim.reviewState])}${reviewer})`;
}

function chip(verdict: Verdict): string {
  return `<span class="fm-chip fm-v-${verdictClass(verdict)}">${escapeHtml(VERDICT_LABELS[verdict])}</span>`;
}
