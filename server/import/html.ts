/**
 * HTML to structured blocks: parsed by jsdom (scripts never run, nothing is loaded), the
 * declared metadata read, the document sanitized with DOMPurify, its blocks walked, and
 * Readability asked which blocks form the article. The cleaner (lib/import) then decides what
 * to remove, with Readability's verdict as one more hint; the preview shows text only.
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { ArticleMetadata, StructuredBlock } from '@/lib/import';
import { AppError } from '../platform/errors';
import { elementDepth, htmlToBlocks } from './html-blocks';
import { readHtmlMetadata } from './html-metadata';

/** Options of `extractHtml`. */
export interface HtmlOptions {
  /** Address the page came from: resolves relative links in its metadata. */
  baseUrl?: string;
  /** Ask Readability where the article is. Default true (off for .docx, which is all article). */
  readability?: boolean;
}

/** What an HTML document yields for the cleaner. */
export interface HtmlExtraction {
  blocks: StructuredBlock[];
  /** Metadata the page declares (meta tags, JSON-LD, canonical link). */
  declared: ArticleMetadata;
  /** Title, byline and site name as Readability read them (a fallback). */
  readability: ArticleMetadata;
}

const BLOCK_ATTRIBUTE = 'data-factmark-block';

/**
 * Readability's run time grows steeply with nesting depth (about 1 s at depth 200, 4 s at 400);
 * real articles are 10-40 deep. Deeper documents are cleaned without its hints.
 */
export const MAX_READABILITY_DEPTH = 120;
/** Readability gives up (throws) on documents with more elements than this. */
export const MAX_READABILITY_ELEMENTS = 60_000;

/** Extracts blocks and metadata from an HTML document or fragment. Never throws on bad markup. */
export function extractHtml(html: string, options: HtmlOptions = {}): HtmlExtraction {
  const base = options.baseUrl && /^https?:/i.test(options.baseUrl) ? options.baseUrl : undefined;
  // No `runScripts` and no `resources`: jsdom neither executes scripts nor fetches anything.
  let dom: JSDOM | undefined;
  try {
    dom = new JSDOM(html, base ? { url: base } : {});
    const { document } = dom.window;
    const declared = readHtmlMetadata(document, base);

    const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
    purify.sanitize(document.documentElement, {
      IN_PLACE: true,
      WHOLE_DOCUMENT: true,
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    });

    const walked = htmlToBlocks(document.body ?? document.documentElement);
    const blocks = walked.map((w) => w.block);
    let readability: ArticleMetadata = {};
    const root = document.body ?? document.documentElement;
    if (
      (options.readability ?? true) &&
      walked.length &&
      elementDepth(root) <= MAX_READABILITY_DEPTH
    ) {
      // Mark each block's element, so the blocks Readability keeps can be recognised (it moves
      // and retags elements but keeps their attributes).
      const ids = new Map<Element, string>();
      for (const { container } of walked) {
        if (!ids.has(container)) {
          const id = String(ids.size);
          ids.set(container, id);
          container.setAttribute(BLOCK_ATTRIBUTE, id);
        }
      }
      let article: ReturnType<Readability<Element>['parse']> = null;
      try {
        article = new Readability<Element>(document, {
          serializer: (node) => node as Element,
          disableJSONLD: true,
          maxElemsToParse: MAX_READABILITY_ELEMENTS,
        }).parse();
      } catch {
        // Too many elements: the cleaner decides alone.
      }
      if (article?.content) {
        const inside = new Set<string>();
        const content = article.content;
        const own = content.getAttribute(BLOCK_ATTRIBUTE);
        if (own) inside.add(own);
        for (const element of content.querySelectorAll(`[${BLOCK_ATTRIBUTE}]`)) {
          inside.add(element.getAttribute(BLOCK_ATTRIBUTE)!);
        }
        if (inside.size) {
          walked.forEach(({ container }, i) => {
            if (!inside.has(ids.get(container)!)) blocks[i]!.outsideArticle = true;
          });
        }
      }
      readability = readabilityMetadata(article);
    }
    return { blocks, declared, readability };
  } catch (error) {
    // jsdom's parser and tree code recurse: absurd nesting (thousands deep) overflows the stack.
    if (error instanceof RangeError) {
      throw new AppError('unreadable_input', 'This HTML is nested too deeply to be read.');
    }
    throw error;
  } finally {
    try {
      dom?.window.close();
    } catch {
      // Closing a huge, deeply nested document can overflow too; it is garbage either way.
    }
  }
}

function readabilityMetadata(
  article: { title?: string | null; byline?: string | null; siteName?: string | null } | null,
): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const title = article?.title?.trim();
  const byline = article?.byline
    ?.trim()
    .replace(/^by\s+/i, '')
    .trim();
  const siteName = article?.siteName?.trim();
  if (title) metadata.title = title;
  // Readability's byline is the text of a "byline" element: keep it only when it is short.
  if (byline && byline.length <= 100) metadata.byline = byline;
  if (siteName) metadata.sourceName = siteName;
  return metadata;
}
