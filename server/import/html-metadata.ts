/**
 * Article metadata a page declares about itself: Open Graph and article:* meta tags, the common
 * author/date meta names, schema.org JSON-LD (read as data, never run) and the canonical link.
 * Read from the parsed document before it is sanitized (sanitizing drops <meta> and JSON-LD).
 */
import { findDate, type ArticleMetadata } from '@/lib/import';
import { forEachElement } from './dom';

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|ScholarlyArticle|Report|TechArticle|SocialMediaPosting|WebPage)$/;

const META = 'meta[content]';
const JSON_LD = 'script[type="application/ld+json"]';
const DATE_PUBLISHED = '[itemprop="datePublished"]';
const CANONICAL = 'link[rel~="canonical"][href]';

/** The elements the metadata is read from, as the selectors above find them. */
interface Sources {
  metas: Element[];
  jsonLd: Element[];
  datePublished: Element | null;
  canonical: Element | null;
}

/**
 * What `querySelectorAll(selector)` (or `querySelector`) gives for each selector above, found
 * in one walk in the same order (./dom's forEachElement): linkedom's selector engine ran each
 * query over every node of the page (about 4 % of a 2 MB page's import). Each selector still
 * decides, run only on the elements with the tag or attribute it requires.
 */
function metadataSources(
  document: Document,
  visit?: (element: Element, depth: number) => void,
): Sources {
  const sources: Sources = { metas: [], jsonLd: [], datePublished: null, canonical: null };
  forEachElement(document, (element, depth) => {
    visit?.(element, depth);
    // The engine compares the tag name in lower case (an HTML document's rule).
    const tag = element.localName.toLowerCase();
    if (tag === 'meta') {
      if (element.matches(META)) sources.metas.push(element);
    } else if (tag === 'script') {
      if (element.matches(JSON_LD)) sources.jsonLd.push(element);
    } else if (tag === 'link') {
      if (!sources.canonical && element.matches(CANONICAL)) sources.canonical = element;
    }
    if (!sources.datePublished && element.hasAttribute('itemprop')) {
      if (element.matches(DATE_PUBLISHED)) sources.datePublished = element;
    }
  });
  return sources;
}

/** Meta tags by lower-cased name or property; the first value of each wins. */
function metaTags(metas: Element[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of metas) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every object in the page's JSON-LD blocks (graphs and arrays flattened). */
function jsonLdObjects(scripts: Element[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    out.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  return out;
}

function isArticle(object: Record<string, Json>): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage');
}

/** A name from a string, {name}, or a list of them ("A, B"). */
function names(value: Json | undefined): string | undefined {
  if (!value) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const found = list
    .map((v) =>
      typeof v === 'string' ? v : v && typeof v === 'object' && !Array.isArray(v) ? v.name : null,
    )
    .filter((v): v is string => typeof v === 'string' && !!v.trim() && !isUrl(v))
    .map((v) => v.trim());
  return found.length ? [...new Set(found)].join(', ') : undefined;
}

const isUrl = (value: string) => /^https?:\/\//i.test(value.trim());

const text = (value: Json | undefined): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** yyyy-mm-dd of an ISO date-time or a written date, as written (no time-zone shift). */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return findDate(value)?.iso;
}

function absoluteHttpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** "Headline - Site Name" -> "Headline" when the site's name is known. */
function stripSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s+[-–—|:·•]\\s+${escaped}\\s*$`, 'i'), '')
    .replace(new RegExp(`^\\s*${escaped}\\s+[-–—|:·•]\\s+`, 'i'), '');
  return stripped.trim() || title;
}

/**
 * The metadata a document declares: title, byline, site name, publication date (yyyy-mm-dd) and
 * canonical URL. Absent fields were not declared. `baseUrl` resolves relative links. `visit`
 * is called on each element of the document (with its depth: <html> at 1) in the walk that
 * finds the metadata (./dom's forEachElement), for a caller that needs the same walk: the
 * document is read, not changed.
 */
export function readHtmlMetadata(
  document: Document,
  baseUrl?: string,
  visit?: (element: Element, depth: number) => void,
): ArticleMetadata {
  const sources = metadataSources(document, visit);
  const meta = metaTags(sources.metas);
  const ld = jsonLdObjects(sources.jsonLd);
  const article = ld.find(isArticle);
  const publisher = article?.publisher;
  const publisherName =
    publisher && typeof publisher === 'object' && !Array.isArray(publisher)
      ? text(publisher.name)
      : undefined;

  const sourceName =
    meta.get('og:site_name') ?? publisherName ?? meta.get('application-name') ?? undefined;
  // The <title> with its whitespace collapsed, as browsers give document.title (linkedom keeps
  // the raw text).
  const pageTitle = document.title.replace(/\s+/g, ' ').trim();
  const title =
    meta.get('og:title') ??
    text(article?.headline) ??
    meta.get('twitter:title') ??
    meta.get('dc.title') ??
    (pageTitle ? stripSiteName(pageTitle, sourceName) : undefined);
  const authorMeta = [
    'author',
    'article:author',
    'byl',
    'byline',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
  ]
    .map((k) => meta.get(k))
    .find((v) => v && !isUrl(v));
  const byline = names(article?.author) ?? authorMeta?.replace(/^by\s+/i, '');
  const publishedAt =
    isoDate(meta.get('article:published_time')) ??
    isoDate(text(article?.datePublished)) ??
    isoDate(
      ['datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dcterms.created']
        .map((k) => meta.get(k))
        .find(Boolean),
    ) ??
    isoDate(sources.datePublished?.getAttribute('datetime') ?? '');
  const canonical = sources.canonical?.getAttribute('href');
  const sourceUrl =
    absoluteHttpUrl(canonical ?? undefined, baseUrl) ??
    absoluteHttpUrl(meta.get('og:url'), baseUrl) ??
    absoluteHttpUrl(text(article?.url), baseUrl);

  const metadata: ArticleMetadata = {};
  if (title) metadata.title = title;
  if (byline) metadata.byline = byline;
  if (sourceName) metadata.sourceName = sourceName;
  if (publishedAt) metadata.publishedAt = publishedAt;
  if (sourceUrl) metadata.sourceUrl = sourceUrl;
  return metadata;
}
