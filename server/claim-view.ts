/**
 * A claim as the API and the editor show it, with every place it appears: read through Prisma
 * (`claimInclude` + `toClaimView`), or built in SQL by the statement that writes a claim event
 * (`claimViewSql` + `claimViewFromJson`), so that an edit or a link answers without reading the
 * claim again. Both give the same view; server/claims.test.ts compares them.
 */
import { Prisma } from './generated/prisma/client';

export const claimInclude = {
  author: { select: { id: true, name: true } },
  lastEditedBy: { select: { id: true, name: true } },
  evidence: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      url: true,
      title: true,
      quote: true,
      accessedAt: true,
      captureId: true,
      quoteStart: true,
      quoteEnd: true,
      quoteAnchor: true,
    },
  },
  annotations: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      articleId: true,
      revisionId: true,
      start: true,
      end: true,
      exact: true,
      anchorState: true,
      submittedExact: true,
      article: { select: { title: true } },
    },
  },
} as const satisfies Prisma.ClaimInclude;

export type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

/** A claim as the API and the editor show it, with every place it appears. */
export function toClaimView(claim: ClaimRow) {
  const { annotations, ...rest } = claim;
  return {
    ...rest,
    appearances: annotations.map((a) => ({
      annotationId: a.id,
      articleId: a.articleId,
      articleTitle: a.article.title,
      exact: a.exact,
      anchorState: a.anchorState,
      submittedExact: a.submittedExact,
    })),
  };
}
export type ClaimView = ReturnType<typeof toClaimView>;

/**
 * The view of the claim row `c` (a table alias or a CTE holding the written row) as one JSON
 * value. Its evidence and spans are read with the statement's snapshot: rows written by earlier
 * statements of the transaction are seen, rows written by the same statement are not: pass
 * those spans as `moreSpans` (rows of id, articleId, exact, anchorState as text,
 * submittedExact, createdAt).
 */
export function claimViewSql(c: string, moreSpans?: Prisma.Sql): Prisma.Sql {
  const alias = Prisma.raw(c);
  return Prisma.sql`json_build_object(
    'id', ${alias}.id, 'text', ${alias}.text, 'claimant', ${alias}.claimant,
    'verdict', ${alias}.verdict, 'rationale', ${alias}.rationale,
    'reviewState', ${alias}."reviewState", 'authorId', ${alias}."authorId",
    'lastEditedById', ${alias}."lastEditedById", 'version', ${alias}.version,
    'createdAt', ${alias}."createdAt", 'updatedAt', ${alias}."updatedAt",
    'changedBy', ${alias}."changedBy",
    'author', (SELECT json_build_object('id', u.id, 'name', u.name)
               FROM "User" u WHERE u.id = ${alias}."authorId"),
    'lastEditedBy', (SELECT json_build_object('id', u.id, 'name', u.name)
                     FROM "User" u WHERE u.id = ${alias}."lastEditedById"),
    'evidence', (SELECT coalesce(json_agg(json_build_object(
                          'id', e.id, 'url', e.url, 'title', e.title, 'quote', e.quote,
                          'accessedAt', e."accessedAt", 'captureId', e."captureId",
                          'quoteStart', e."quoteStart", 'quoteEnd', e."quoteEnd",
                          'quoteAnchor', e."quoteAnchor")
                        ORDER BY e."createdAt", e.id), '[]')
                 FROM "Evidence" e WHERE e."claimId" = ${alias}.id),
    'appearances', (SELECT coalesce(json_agg(json_build_object(
                             'annotationId', a.id, 'articleId', a."articleId",
                             'articleTitle', ar.title, 'exact', a.exact,
                             'anchorState', a."anchorState", 'submittedExact', a."submittedExact")
                           ORDER BY a."createdAt", a.id), '[]')
                    FROM (SELECT s.id, s."articleId", s.exact, s."anchorState"::text,
                                 s."submittedExact", s."createdAt"
                          FROM "Annotation" s WHERE s."claimId" = ${alias}.id
                          ${moreSpans ? Prisma.sql`UNION ALL ${moreSpans}` : Prisma.empty}) a
                    JOIN "Article" ar ON ar.id = a."articleId"))`;
}

/** JSON of a `timestamp(3)` column (UTC, written without a zone) as a Date. */
const utc = (value: string) => new Date(`${value}Z`);

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** The view from `claimViewSql`'s JSON: its times as Dates, as Prisma reads them. */
export function claimViewFromJson(
  json: Omit<Json<ClaimView>, 'evidence'> & { evidence: Json<ClaimView['evidence'][number]>[] },
): ClaimView {
  return {
    ...json,
    createdAt: utc(json.createdAt),
    updatedAt: utc(json.updatedAt),
    evidence: json.evidence.map((e) => ({
      ...e,
      accessedAt: e.accessedAt === null ? null : utc(e.accessedAt),
    })),
  };
}
