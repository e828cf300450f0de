/**
 * Global search over articles (title, byline, source, current text) and claims (text,
 * claimant, rationale, evidence), ranked by PostgreSQL full-text search, with pg_trgm
 * word similarity so a misspelled name (claimant, byline) still finds its rows.
 *
 * The search documents live in the "search" schema, kept in sync by triggers (see the
 * migration 20261201170000_search); nothing here writes them.
 */
import { Prisma } from '../generated/prisma/client';
import { queryRows, type PrismaClient } from '../platform/db';
import type { ReviewState, Verdict } from '@/lib/domain';
import { MATCH_END, MATCH_START, toSegments, wholeMatch } from '@/lib/search/highlight';
import { splitPrefix } from '@/lib/search/prefix';
import {
  SEARCH_MAX_OFFSET,
  SEARCH_PAGE_SIZE,
  type ArticleHit,
  type ClaimHit,
  type SearchQuery,
  type SearchResults,
} from '@/lib/search/types';

// Misspelled names match by pg_trgm's `<%` (served by the trigram indexes) at the word
// similarity the migration 20261201171000_search_name_similarity sets on the database (0.5).
/** Title and byline matches outrank text-only matches by this factor. */
const META_WEIGHT = 4;
/**
 * What a text-only match ranks at (ts_rank of a title hit is ~0.06-0.1, ×4). Ranking by the
 * body's own ts_rank would read every matching article's whole tsvector (a common word matches
 * thousands of 20,000-word articles: seconds), so text-only matches come newest first.
 */
const BODY_MATCH = 0.01;
/**
 * Ranking reads each candidate's document, so only the newest this many matches of each kind
 * (title/byline words, similar names, claim documents) are ranked: a rare word's matches are all
 * ranked; a word in thousands of rows is ranked among its newest matches. Enough to page to
 * SEARCH_MAX_OFFSET; each candidate costs ~20 µs.
 */
const CANDIDATES = SEARCH_MAX_OFFSET + SEARCH_PAGE_SIZE + 1;
/**
 * Similar names: checking a name's similarity costs more than a word lookup, and a misspelled
 * common name is similar to thousands of rows, so fewer of them are ranked.
 */
const NAME_CANDIDATES = 100;

const MARKERS = MATCH_START + MATCH_END;
/** Short fields: keep them whole, mark every match. */
const WHOLE = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
/** Long text: up to two fragments around the matches (of one ~800-character passage). */
const PASSAGES = `MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

interface ArticleRow {
  id: string;
  title: string;
  byline: string | null;
  sourceName: string | null;
  publishedAt: Date | null;
  rank: number;
  fuzzyByline: boolean;
  excerpt: string | null;
}

interface ClaimRow {
  id: string;
  text: string;
  claimant: string | null;
  rationale: string;
  evidence: string | null;
  verdict: Verdict;
  reviewState: ReviewState;
  rank: number;
  fuzzyClaimant: boolean;
  articles: { id: string; title: string }[] | null;
}

/** How a search is asked: `typing` while the words are still being typed (a combobox). */
export interface SearchMode {
  readonly typing?: boolean;
}

/**
 * The words of a query: all whole (stemmed) when it was submitted, as a search engine reads
 * them; the last one a prefix while it is being typed (see splitPrefix). A prefix matches many
 * more index keys (a one-word search costs about twice the database time), so only
 * as-you-type lookups ask for it.
 */
function termsOf(q: string, typing: boolean) {
  return typing ? splitPrefix(q) : { whole: q, prefix: null };
}

/**
 * The query as a tsquery: web-search syntax, English stemming, and the last word as a prefix
 * while it is being typed (see termsOf). A plan-time constant, so the planner sees how
 * common its words are.
 */
function tsqueryOf(q: string, typing: boolean) {
  const { whole, prefix } = termsOf(q, typing);
  if (prefix === null) return Prisma.sql`websearch_to_tsquery('english', ${q})`;
  // `prefix` is letters and digits only, so it is safe in to_tsquery's syntax.
  return Prisma.sql`(websearch_to_tsquery('english', ${whole}) && to_tsquery('english', ${`${prefix}:*`}))`;
}

/**
 * Any word of the query (its words' stems joined by OR, and the prefix being typed): what an
 * excerpt's passage must hold and what it marks. A passage holding every word may not exist (a
 * long article can have its two words pages apart; walking every passage to find that out cost
 * ~2 ms), and ts_headline marks nothing in a passage that does not hold the whole query.
 */
function anyWordOf(q: string, typing: boolean) {
  const { whole, prefix } = termsOf(q, typing);
  // The stems are lexemes already ('simple' only quotes them); null when there are none.
  const words = Prisma.sql`(SELECT to_tsquery('simple', string_agg(quote_literal(w), ' | '))
    FROM unnest(tsvector_to_array(to_tsvector('english', ${whole}))) w)`;
  if (prefix === null) return words;
  const typed = Prisma.sql`to_tsquery('english', ${`${prefix}:*`})`;
  return Prisma.sql`coalesce(${words} || ${typed}, ${typed})`;
}

/**
 * Articles: title/byline/source matches ranked by ts_rank (×4) plus the byline's similarity to
 * a misspelled name, then text-only matches newest first. Each source is a bounded, newest-first
 * candidate list from its index. Text candidates exclude title/byline/source matches and the
 * similar names (whose own text match is checked with them, at most NAME_CANDIDATES rows), so
 * all of them rank BODY_MATCH, below every other kind: the newest `offset + page + 1` are enough,
 * a constant, so the planner sees it. (Padding that list with NAME_CANDIDATES more rows instead
 * walked and de-TOASTed 100 more bodies on every common-word search, ~6 ms; checking each text
 * match's byline similarity cost ~2 ms for a word in a thousand articles.)
 *
 * The excerpt is the first passage of the current text (search.article_passage, ~800
 * characters) that holds a word of the query, or the first passage (a text match whose words
 * none of its passages holds whole, e.g. a word cut by a hyphen); none when only the title,
 * byline or source matched.
 */
export function articleQuery(q: string, offset: number, { typing = false }: SearchMode = {}) {
  const query = tsqueryOf(q, typing);
  const anyWord = anyWordOf(q, typing);
  const newest = Prisma.sql`ORDER BY d."createdAt" DESC, d."articleId" DESC`;
  return Prisma.sql`
    WITH meta AS (
      SELECT d."articleId" AS id, d."createdAt", d."meta"
      FROM search.article_doc d WHERE d."meta" @@ ${query} ${newest} LIMIT ${CANDIDATES}),
    fuzzy AS (
      SELECT d."articleId" AS id, d."createdAt", d."byline"
      FROM search.article_doc d WHERE ${q} <% d."byline" ${newest} LIMIT ${NAME_CANDIDATES}),
    body AS (
      SELECT d."articleId" AS id, d."createdAt"
      FROM search.article_doc d
      WHERE d."body" @@ ${query} AND NOT d."meta" @@ ${query}
        AND d."articleId" NOT IN (SELECT f.id FROM fuzzy f)
      ${newest} LIMIT ${offset + SEARCH_PAGE_SIZE + 1}),
    candidates AS (
      SELECT m.id, m."createdAt", ts_rank(m."meta", ${query}) * ${Prisma.raw(String(META_WEIGHT))} AS rank,
             false AS fuzzy, false AS body
        FROM meta m
      UNION ALL
      -- A similar byline's text match counts here (the text list leaves them out).
      SELECT f.id, f."createdAt",
             word_similarity(${q}, f."byline") + CASE WHEN f.body THEN ${Prisma.raw(String(BODY_MATCH))} ELSE 0 END,
             true, f.body
        FROM (SELECT f.*, (SELECT d."body" @@ ${query} AND NOT d."meta" @@ ${query}
                             FROM search.article_doc d WHERE d."articleId" = f.id) AS body
                FROM fuzzy f) f
      UNION ALL
      SELECT b.id, b."createdAt", ${Prisma.raw(String(BODY_MATCH))}, false, true FROM body b),
    hits AS (
      SELECT id, max("createdAt") AS "createdAt", sum(rank)::float8 AS rank,
             bool_or(fuzzy) AS "fuzzyByline", bool_or(body) AS body
      FROM candidates GROUP BY id
      ORDER BY rank DESC, "createdAt" DESC, id
      LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}),
    -- The last row only says there is a next page: no excerpt for it.
    shown AS (
      SELECT hits.*, row_number() OVER (ORDER BY rank DESC, "createdAt" DESC, id) <= ${SEARCH_PAGE_SIZE} AS shown
      FROM hits)
    SELECT h.id, h.rank, h."fuzzyByline",
           ts_headline('english', translate(a."title", ${MARKERS}, ''), ${query}, ${WHOLE}) AS title,
           CASE WHEN a."byline" IS NULL THEN NULL
                ELSE ts_headline('english', translate(a."byline", ${MARKERS}, ''), ${query}, ${WHOLE}) END AS byline,
           a."sourceName", a."publishedAt",
           CASE WHEN h.shown THEN coalesce(
             (SELECT ts_headline('english', translate(p."text", ${MARKERS}, ''), ${anyWord}, ${PASSAGES})
                FROM search.article_passage p
               WHERE p."articleId" = h.id AND p."words" @@ ${anyWord}
               ORDER BY p."n" LIMIT 1),
             CASE WHEN h.body THEN
               (SELECT translate(p."text", ${MARKERS}, '') FROM search.article_passage p
                 WHERE p."articleId" = h.id ORDER BY p."n" LIMIT 1) END) END AS excerpt
    FROM shown h
    JOIN "Article" a ON a."id" = h.id
    ORDER BY h.rank DESC, h."createdAt" DESC, h.id`;
}

/**
 * Claims: ranked by ts_rank of their document (text and claimant A, rationale B, evidence C)
 * plus the claimant's similarity to a misspelled name, among the newest CANDIDATES matches of
 * each.
 */
export function claimQuery(q: string, offset: number, { typing = false }: SearchMode = {}) {
  const query = tsqueryOf(q, typing);
  const newest = Prisma.sql`ORDER BY cd."createdAt" DESC, cd."claimId" DESC`;
  // Which parts match is read from the claim's document (rationale weighted B, all its evidence
  // C) instead of parsing each text again: to_tsvector of the rationale and of every evidence
  // row cost ~2 ms per page. The evidence part only tells that some evidence may match (an
  // excluded word in one evidence row hides another's match there), so with a `-word` the
  // evidence rows are always checked.
  const evidenceMayMatch = /(^|\s)-\S/.test(q)
    ? Prisma.sql`true`
    : Prisma.sql`ts_filter(cd."document", '{c}') @@ ${query}`;
  return Prisma.sql`
    WITH words AS (
      SELECT cd."claimId" AS id, cd."createdAt", cd."document"
      FROM search.claim_doc cd WHERE cd."document" @@ ${query} ${newest} LIMIT ${CANDIDATES}),
    names AS (
      SELECT cd."claimId" AS id, cd."createdAt", cd."claimant"
      FROM search.claim_doc cd WHERE ${q} <% cd."claimant" ${newest} LIMIT ${NAME_CANDIDATES}),
    candidates AS (
      SELECT w.id, w."createdAt", ts_rank(w."document", ${query}) AS rank, false AS fuzzy FROM words w
      UNION ALL
      SELECT n.id, n."createdAt", word_similarity(${q}, n."claimant"), true FROM names n),
    hits AS (
      SELECT id, max("createdAt") AS "createdAt", sum(rank)::float8 AS rank, bool_or(fuzzy) AS "fuzzyClaimant"
      FROM candidates GROUP BY id
      ORDER BY rank DESC, "createdAt" DESC, id
      LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset})
    SELECT h.id, h.rank, h."fuzzyClaimant", c."verdict"::text AS verdict,
           c."reviewState"::text AS "reviewState",
           ts_headline('english', translate(c."text", ${MARKERS}, ''), ${query}, ${WHOLE}) AS text,
           CASE WHEN c."claimant" IS NULL THEN NULL
                ELSE ts_headline('english', translate(c."claimant", ${MARKERS}, ''), ${query}, ${WHOLE}) END AS claimant,
           CASE WHEN ts_filter(cd."document", '{b}') @@ ${query}
                THEN ts_headline('english', translate(c."rationale", ${MARKERS}, ''), ${query}, ${PASSAGES})
                ELSE c."rationale" END AS rationale,
           CASE WHEN ${evidenceMayMatch} THEN
           (SELECT ts_headline('english', translate(concat_ws(' — ', e."title", e."quote", e."url"), ${MARKERS}, ''), ${query}, ${PASSAGES})
              FROM "Evidence" e
             WHERE e."claimId" = c."id"
               AND to_tsvector('english', concat_ws(' ', e."title", e."quote", e."url")) @@ ${query}
             ORDER BY e."createdAt", e."id" LIMIT 1) END AS evidence,
           (SELECT json_agg(json_build_object('id', x."id", 'title', x."title") ORDER BY x."title")
              FROM (SELECT DISTINCT ar."id", ar."title" FROM "Annotation" an
                    JOIN "Article" ar ON ar."id" = an."articleId" WHERE an."claimId" = c."id") x) AS articles
    FROM hits h JOIN "Claim" c ON c."id" = h.id JOIN search.claim_doc cd ON cd."claimId" = h.id
    ORDER BY h.rank DESC, h."createdAt" DESC, h.id`;
}

/** Searches articles (by title, byline, source and current text) ranked best first. */
export async function searchArticles(
  prisma: PrismaClient,
  q: string,
  offset = 0,
  mode: SearchMode = {},
): Promise<{ hits: ArticleHit[]; more: boolean }> {
  const rows = await queryRows<ArticleRow>(prisma, articleQuery(q, offset, mode));
  return {
    more: hasMore(rows.length, offset),
    hits: rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
      id: row.id,
      title: toSegments(row.title),
      byline: row.byline === null ? [] : fuzzy(row.byline, row.fuzzyByline),
      sourceName: row.sourceName,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      excerpt: row.excerpt ? toSegments(row.excerpt) : [],
      rank: row.rank,
    })),
  };
}

/** Searches claims (text, claimant, rationale, evidence) ranked best first. */
export async function searchClaims(
  prisma: PrismaClient,
  q: string,
  offset = 0,
  mode: SearchMode = {},
): Promise<{ hits: ClaimHit[]; more: boolean }> {
  const rows = await queryRows<ClaimRow>(prisma, claimQuery(q, offset, mode));
  return {
    more: hasMore(rows.length, offset),
    hits: rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
      id: row.id,
      text: toSegments(row.text),
      claimant: row.claimant === null ? [] : fuzzy(row.claimant, row.fuzzyClaimant),
      rationale: toSegments(row.rationale),
      evidence: row.evidence ? toSegments(row.evidence) : [],
      verdict: row.verdict,
      reviewState: row.reviewState,
      articles: row.articles ?? [],
      rank: row.rank,
    })),
  };
}

/** Whether a page of `rows` (one more than a page when there is more) has a next page to go to. */
function hasMore(rows: number, offset: number) {
  return rows > SEARCH_PAGE_SIZE && offset + SEARCH_PAGE_SIZE <= SEARCH_MAX_OFFSET;
}

/** A name that matched only by similarity is marked whole (it has no exact word to mark). */
function fuzzy(headline: string, similar: boolean) {
  const segments = toSegments(headline);
  if (!similar || segments.some((s) => s.match)) return segments;
  return wholeMatch(segments.map((s) => s.text).join(''));
}

/** Articles and/or claims for one query. */
export async function search(prisma: PrismaClient, query: SearchQuery): Promise<SearchResults> {
  const [articles, claims] = await Promise.all([
    query.type === 'claims' ? null : searchArticles(prisma, query.q, query.offset, query),
    query.type === 'articles' ? null : searchClaims(prisma, query.q, query.offset, query),
  ]);
  return { q: query.q, articles, claims };
}
