/**
 * Global search over articles (title, byline, source, current text) and claims (text,
 * claimant, rationale, evidence), ranked by PostgreSQL full-text search, with pg_trgm
 * word similarity so a misspelled name (claimant, byline) still finds its rows.
 *
 * The search documents live in the "search" schema, kept in sync by triggers (see the
 * migration 20261201170000_search); nothing here writes them.
 */
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db';
import type { ReviewState, Verdict } from '@/lib/domain';
import { MATCH_END, MATCH_START, toSegments, wholeMatch } from '@/lib/search/highlight';
import {
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
 * A match in the text counts this much (ts_rank of a title hit is ~0.06-0.1). Ranking by the
 * body's own ts_rank would read every matching article's whole tsvector (a common word matches
 * thousands of 20,000-word articles: seconds), so text matches rank newest first instead.
 */
const BODY_MATCH = 0.01;
/** ts_headline re-parses the text it is given; passages come from the first this many characters. */
const EXCERPT_SOURCE_CHARS = 20_000;

const MARKERS = MATCH_START + MATCH_END;
/** Short fields: keep them whole, mark every match. */
const WHOLE = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
/** Long text: up to two passages around the matches. */
const PASSAGES = `MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

interface ArticleRow {
  id: string;
  title: string;
  byline: string | null;
  sourceName: string | null;
  publishedAt: Date | null;
  rank: number;
  fuzzyByline: boolean;
  bodyMatch: boolean;
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

function articleQuery(q: string, offset: number) {
  return Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${q}) AS query),
    hits AS (
      SELECT d."articleId" AS id, d."revisionId",
             (ts_rank(d."meta", q.query) * ${Prisma.raw(String(META_WEIGHT))}
              + CASE WHEN d."body" @@ q.query THEN ${Prisma.raw(String(BODY_MATCH))} ELSE 0 END
              + CASE WHEN ${q} <% d."byline" THEN word_similarity(${q}, d."byline") ELSE 0 END
             )::float8 AS rank, a."createdAt",
             coalesce(${q} <% d."byline", false) AS "fuzzyByline",
             d."body" @@ q.query AS "bodyMatch"
      FROM search.article_doc d CROSS JOIN q JOIN "Article" a ON a."id" = d."articleId"
      WHERE d."meta" @@ q.query OR d."body" @@ q.query OR ${q} <% d."byline"
      ORDER BY rank DESC, a."createdAt" DESC, d."articleId"
      LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}
    )
    SELECT h.id, h.rank, h."fuzzyByline", h."bodyMatch",
           ts_headline('english', translate(a."title", ${MARKERS}, ''), q.query, ${WHOLE}) AS title,
           CASE WHEN a."byline" IS NULL THEN NULL
                ELSE ts_headline('english', translate(a."byline", ${MARKERS}, ''), q.query, ${WHOLE}) END AS byline,
           a."sourceName", a."publishedAt",
           CASE WHEN h."bodyMatch" THEN
             ts_headline('english', translate(left(r."text", ${Prisma.raw(String(EXCERPT_SOURCE_CHARS))}), ${MARKERS}, ''), q.query, ${PASSAGES}) END AS excerpt
    FROM hits h CROSS JOIN q
    JOIN "Article" a ON a."id" = h.id
    LEFT JOIN "ArticleRevision" r ON r."id" = h."revisionId"
    ORDER BY h.rank DESC, h."createdAt" DESC, h.id`;
}

function claimQuery(q: string, offset: number) {
  return Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${q}) AS query),
    hits AS (
      SELECT cd."claimId" AS id,
             (ts_rank(cd."document", q.query)
              + CASE WHEN ${q} <% cd."claimant" THEN word_similarity(${q}, cd."claimant") ELSE 0 END
             )::float8 AS rank,
             coalesce(${q} <% cd."claimant", false) AS "fuzzyClaimant"
      FROM search.claim_doc cd CROSS JOIN q
      WHERE cd."document" @@ q.query OR ${q} <% cd."claimant"
      ORDER BY rank DESC, cd."claimId"
      LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}
    )
    SELECT h.id, h.rank, h."fuzzyClaimant", c."verdict"::text AS verdict,
           c."reviewState"::text AS "reviewState",
           ts_headline('english', translate(c."text", ${MARKERS}, ''), q.query, ${WHOLE}) AS text,
           CASE WHEN c."claimant" IS NULL THEN NULL
                ELSE ts_headline('english', translate(c."claimant", ${MARKERS}, ''), q.query, ${WHOLE}) END AS claimant,
           CASE WHEN to_tsvector('english', c."rationale") @@ q.query
                THEN ts_headline('english', translate(c."rationale", ${MARKERS}, ''), q.query, ${PASSAGES})
                ELSE c."rationale" END AS rationale,
           (SELECT ts_headline('english', translate(concat_ws(' — ', e."title", e."quote", e."url"), ${MARKERS}, ''), q.query, ${PASSAGES})
              FROM "Evidence" e
             WHERE e."claimId" = c."id"
               AND to_tsvector('english', concat_ws(' ', e."title", e."quote", e."url")) @@ q.query
             ORDER BY e."createdAt", e."id" LIMIT 1) AS evidence,
           (SELECT json_agg(json_build_object('id', x."id", 'title', x."title") ORDER BY x."title")
              FROM (SELECT DISTINCT ar."id", ar."title" FROM "Annotation" an
                    JOIN "Article" ar ON ar."id" = an."articleId" WHERE an."claimId" = c."id") x) AS articles
    FROM hits h CROSS JOIN q JOIN "Claim" c ON c."id" = h.id
    ORDER BY h.rank DESC, h.id`;
}

/** Searches articles (by title, byline, source and current text) ranked best first. */
export async function searchArticles(
  prisma: PrismaClient,
  q: string,
  offset = 0,
): Promise<{ hits: ArticleHit[]; more: boolean }> {
  const rows = await prisma.$queryRaw<ArticleRow[]>(articleQuery(q, offset));
  return {
    more: rows.length > SEARCH_PAGE_SIZE,
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
): Promise<{ hits: ClaimHit[]; more: boolean }> {
  const rows = await prisma.$queryRaw<ClaimRow[]>(claimQuery(q, offset));
  return {
    more: rows.length > SEARCH_PAGE_SIZE,
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

/** A name that matched only by similarity is marked whole (it has no exact word to mark). */
function fuzzy(headline: string, similar: boolean) {
  const segments = toSegments(headline);
  if (!similar || segments.some((s) => s.match)) return segments;
  return wholeMatch(segments.map((s) => s.text).join(''));
}

/** Articles and/or claims for one query. */
export async function search(prisma: PrismaClient, query: SearchQuery): Promise<SearchResults> {
  const [articles, claims] = await Promise.all([
    query.type === 'claims' ? null : searchArticles(prisma, query.q, query.offset),
    query.type === 'articles' ? null : searchClaims(prisma, query.q, query.offset),
  ]);
  return { q: query.q, articles, claims };
}
