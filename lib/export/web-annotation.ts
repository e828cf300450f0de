/**
 * An article's annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/):
 * an AnnotationCollection whose embedded first AnnotationPage holds one Annotation per annotated
 * span. Each Annotation:
 *
 * - `motivation` is `assessing` when its claim has a verdict other than UNVERIFIED, otherwise
 *   `highlighting`;
 * - `body` holds TextualBody resources (text/plain): the claim (purpose `describing`), the verdict
 *   (`assessing`), the rationale (`commenting`), with `filter: 'all'` the review state (`tagging`),
 *   plus each http(s) evidence URL as a SpecificResource (`linking`);
 * - `target` is a SpecificResource: `source` is the article (its source URL, or the app's page for
 *   it), `selector` a TextQuoteSelector and a TextPositionSelector whose offsets count Unicode
 *   code points, as the model requires, not JavaScript's UTF-16 units. Annotations that cannot be
 *   placed in this revision (ORPHANED) carry only their stored TextQuoteSelector;
 * - `creator` (a Person, by name; emails are not exported), `created`, `modified` (the later of the
 *   annotation's creation and its claim's last update), `generator` and `generated`.
 *
 * Evidence (issue #15): each evidence quote anchored in a stored copy of its source becomes an
 * annotation of its own after the claim annotations (`motivation: linking`): its target is the
 * source URL in the state Factmark archived it (a TimeState with the fetch time and the stored
 * copy as `cached`), selected by TextQuote and TextPosition selectors over the copy's stored
 * text; its bodies link to the claim's annotations in this collection and describe the capture
 * (archive id, sha256 of the body as fetched, WARC-Record-ID).
 *
 * Positions refer to the revision's text as stored in Factmark (the cleaned article text), which
 * may differ from the text of the page at the source URL; the quote selector is the robust one.
 * Every exported annotation is checked against the MUST assertions of the W3C test suite in the
 * tests (see conformance/).
 */

import { REVIEW_STATE_LABELS, VERDICT_LABELS } from '../domain';
import {
  prepareAnnotatedArticle,
  type AnnotatedExportOptions,
  type ClaimNote,
} from './annotated-article';
import { codePointIndex, type CodePointIndex } from './code-points';
import { DEFAULT_CLAIM_FILTER } from './filter';
import { isoDateTime } from './dates';
import {
  placedSelectors,
  storedQuoteSelector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';
import type {
  AnnotatedArticle,
  ClaimFilter,
  ExportAnnotation,
  ExportClaim,
  ExportConfig,
} from './types';
import { appUrls, safeHttpUrl, type AppUrls } from './urls';

/** The JSON-LD context of Web Annotation documents. */
export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Media type of Web Annotation JSON-LD, for Content-Type headers. */
export const WEB_ANNOTATION_MEDIA_TYPE =
  'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** The software named as `generator`. */
const GENERATOR_NAME = 'Factmark';
const TEXT_FORMAT = 'text/plain';

/** Options for the Web Annotation export. */
export type WebAnnotationOptions = AnnotatedExportOptions & {
  /** BCP 47 language of the claim texts, written on every TextualBody when given. */
  readonly language?: string;
  /**
   * What `target.source` names: `original` (default) the article's source URL when it is an
   * http(s) URL, else the app's article page; `app` always the app's revision page.
   */
  readonly targetSource?: 'original' | 'app';
};

/** A TextualBody. */
export type WebAnnotationTextualBody = {
  readonly type: 'TextualBody';
  readonly purpose: 'describing' | 'assessing' | 'commenting' | 'tagging';
  readonly value: string;
  readonly format: typeof TEXT_FORMAT;
  readonly language?: string;
};

/**
 * An evidence link: a SpecificResource around the evidence URL, because the model only allows a
 * `purpose` on Specific Resources and Textual Bodies, not on a bare External Web Resource.
 */
export type WebAnnotationLinkBody = {
  readonly type: 'SpecificResource';
  readonly source: string;
  readonly purpose: 'linking';
};

/** The state of a source when it was archived (W3C TimeState). */
export type WebAnnotationTimeState = {
  readonly type: 'TimeState';
  readonly sourceDate: string;
  readonly cached: string;
};

/** One Web Annotation. */
export type WebAnnotation = {
  readonly '@context': typeof WEB_ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'assessing' | 'highlighting' | 'linking';
  readonly created: string;
  readonly modified: string;
  readonly creator: { readonly type: 'Person'; readonly name: string };
  readonly generator: { readonly id: string; readonly type: 'Software'; readonly name: string };
  readonly generated: string;
  readonly body: readonly (WebAnnotationTextualBody | WebAnnotationLinkBody)[];
  readonly target: {
    readonly type: 'SpecificResource';
    readonly source: string;
    readonly selector: readonly (TextQuoteSelector | TextPositionSelector)[];
    readonly state?: WebAnnotationTimeState;
  };
};

/** An AnnotationCollection with its single, embedded first page. */
export type WebAnnotationCollection = {
  readonly '@context': typeof WEB_ANNOTATION_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: {
    readonly id: string;
    readonly type: 'AnnotationPage';
    readonly partOf: string;
    readonly startIndex: 0;
    readonly items: readonly WebAnnotation[];
  };
  readonly last: string;
};

/** Builds the collection: placed annotations in text order, then the unplaced ones. */
export function buildWebAnnotationCollection(
  input: AnnotatedArticle,
  config: ExportConfig,
  options: WebAnnotationOptions = {},
): WebAnnotationCollection {
  const prepared = prepareAnnotatedArticle(input, options.filter ?? DEFAULT_CLAIM_FILTER);
  const { article, text } = prepared;
  const urls = appUrls(config.appBaseUrl);
  const context: BuildContext = {
    text,
    urls,
    toCodePoint: codePointIndex(text),
    source:
      (options.targetSource ?? 'original') === 'original'
        ? (safeHttpUrl(article.sourceUrl) ?? urls.article(article.id))
        : urls.revision(article.id, article.revision.number),
    generated: isoDateTime(options.now ?? new Date()),
    filter: prepared.filter,
    language: options.language,
  };
  const claimItems = [
    ...prepared.placed.map((p) => toWebAnnotation(p.annotation, p.claim, true, context)),
    ...prepared.notes.flatMap((note) =>
      note.unplaced.map((annotation) => toWebAnnotation(annotation, note.claim, false, context)),
    ),
  ];
  const items = [...claimItems, ...evidenceAnnotations(prepared.notes, claimItems, context)];
  const id = urls.annotationCollection(article.id, article.revision.number);
  const page = `${id}?page=0`;
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Fact-check annotations: ${article.title} (revision ${article.revision.number})`,
    total: items.length,
    first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: page,
  };
}

/** The collection as JSON-LD text. */
export function toWebAnnotationJsonLd(
  input: AnnotatedArticle,
  config: ExportConfig,
  options: WebAnnotationOptions = {},
): string {
  return `${JSON.stringify(buildWebAnnotationCollection(input, config, options), null, 2)}\n`;
}

/** The motivation for a claim: `assessing` once it has a verdict, `highlighting` before. */
export function webAnnotationMotivation(
  claim: Pick<ExportClaim, 'verdict'>,
): WebAnnotation['motivation'] {
  return claim.verdict === 'UNVERIFIED' ? 'highlighting' : 'assessing';
}

type BuildContext = {
  readonly text: string;
  readonly urls: AppUrls;
  readonly toCodePoint: CodePointIndex;
  readonly source: string;
  readonly generated: string;
  readonly filter: ClaimFilter;
  readonly language: string | undefined;
};

function toWebAnnotation(
  annotation: ExportAnnotation,
  claim: ExportClaim,
  placed: boolean,
  context: BuildContext,
): WebAnnotation {
  const selector = placed
    ? placedSelectors(context.text, annotation, context.toCodePoint)
    : [storedQuoteSelector(annotation)];
  const modified = Math.max(annotation.createdAt.getTime(), claim.updatedAt.getTime());
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: context.urls.annotation(annotation.id),
    type: 'Annotation',
    motivation: webAnnotationMotivation(claim),
    created: isoDateTime(annotation.createdAt),
    modified: isoDateTime(new Date(modified)),
    creator: { type: 'Person', name: annotation.creator.name },
    generator: { id: `${context.urls.base}/`, type: 'Software', name: GENERATOR_NAME },
    generated: context.generated,
    body: bodies(claim, context),
    target: { type: 'SpecificResource', source: context.source, selector },
  };
}

/** The claim annotations' ids per claim, in collection order. */
function annotationIdsByClaim(notes: readonly ClaimNote[], urls: AppUrls): Map<string, string[]> {
  const byClaim = new Map<string, string[]>();
  for (const note of notes) {
    byClaim.set(note.claim.id, [
      ...note.placed.map((p) => urls.annotation(p.annotation.id)),
      ...note.unplaced.map((a) => urls.annotation(a.id)),
    ]);
  }
  return byClaim;
}

/**
 * One `linking` annotation per evidence quote anchored in a stored copy, for the claims in the
 * collection (each evidence once, in claim order).
 */
function evidenceAnnotations(
  notes: readonly ClaimNote[],
  claimItems: readonly WebAnnotation[],
  context: BuildContext,
): WebAnnotation[] {
  const listed = new Set(claimItems.map((i) => i.id));
  const byClaim = annotationIdsByClaim(notes, context.urls);
  const result: WebAnnotation[] = [];
  const seen = new Set<string>();
  for (const note of notes) {
    const links = (byClaim.get(note.claim.id) ?? []).filter((id) => listed.has(id));
    if (!links.length) continue;
    note.claim.evidence.forEach((evidence, index) => {
      const capture = evidence.capture;
      const quote = evidence.quoteSelector;
      if (!capture || !quote) return;
      const key = evidence.id ?? `${note.claim.id}-${index + 1}`;
      if (seen.has(key)) return;
      seen.add(key);
      const cached = context.urls.capture(capture.id);
      const fetched = isoDateTime(capture.fetchedAt);
      result.push({
        '@context': WEB_ANNOTATION_CONTEXT,
        id: context.urls.evidence(key),
        type: 'Annotation',
        motivation: 'linking',
        created: isoDateTime(note.claim.createdAt),
        modified: isoDateTime(note.claim.updatedAt),
        creator: { type: 'Person', name: note.claim.author.name },
        generator: { id: `${context.urls.base}/`, type: 'Software', name: GENERATOR_NAME },
        generated: context.generated,
        body: [
          ...links.map((source): WebAnnotationLinkBody => ({
            type: 'SpecificResource',
            source,
            purpose: 'linking',
          })),
          {
            type: 'TextualBody',
            purpose: 'describing',
            value:
              `Evidence for the claim "${note.claim.text}". Quoted from the copy archived ` +
              `${fetched} (archive id ${capture.id}, sha256 ${capture.sha256}, ` +
              `WARC-Record-ID ${capture.warcRecordId}); ${quote.match === 'EXACT' ? 'found verbatim' : 'found approximately'} in it.`,
            format: TEXT_FORMAT,
          },
        ],
        target: {
          type: 'SpecificResource',
          source:
            (capture.kind === 'FETCH' ? safeHttpUrl(capture.url) : null) ??
            safeHttpUrl(evidence.url) ??
            cached,
          state: { type: 'TimeState', sourceDate: fetched, cached },
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: quote.exact,
              prefix: quote.prefix,
              suffix: quote.suffix,
            },
            { type: 'TextPositionSelector', start: quote.start, end: quote.end },
          ],
        },
      });
    });
  }
  return result;
}

function bodies(
  claim: ExportClaim,
  context: BuildContext,
): (WebAnnotationTextualBody | WebAnnotationLinkBody)[] {
  // `language` describes the claim and rationale (written in the article's language); verdict
  // and review state labels are the app's own.
  const textual = (
    purpose: WebAnnotationTextualBody['purpose'],
    value: string,
    language?: string,
  ): WebAnnotationTextualBody => ({
    type: 'TextualBody',
    purpose,
    value,
    format: TEXT_FORMAT,
    ...(language ? { language } : {}),
  });
  const result: (WebAnnotationTextualBody | WebAnnotationLinkBody)[] = [
    textual('describing', claim.text, context.language),
  ];
  if (claim.verdict !== 'UNVERIFIED')
    result.push(textual('assessing', VERDICT_LABELS[claim.verdict]));
  if (claim.rationale.trim()) result.push(textual('commenting', claim.rationale, context.language));
  if (context.filter === 'all') {
    result.push(textual('tagging', `Review state: ${REVIEW_STATE_LABELS[claim.reviewState]}`));
  }
  const links = new Set<string>();
  for (const evidence of claim.evidence) {
    const url = safeHttpUrl(evidence.url);
    if (url) links.add(url);
  }
  for (const source of links) result.push({ type: 'SpecificResource', source, purpose: 'linking' });
  return result;
}
