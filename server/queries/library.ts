/**
 * The library read model: articles filtered, sorted and paged by keyset, with their claim
 * counts by review state. The database keeps those counts: claim actions append deltas, and
 * `foldClaimCounts` folds them into search.article_claims before a read (see the migration
 * 20261202170000_claim_count_deltas).
 */
import { Prisma } from '../generated/prisma/client';
import type { PoolClient } from 'pg';
import { queryRows, readInTransaction, type PrismaClient } from '../platform/db';
import {
  encodeCursor,
  type LibraryQuery,
  type LibrarySort,
  type LibraryValues,
  type LibraryValuesQuery,
} from '@/lib/library';
import type { ReviewState } from '@/lib/domain';
import { likeEscaped } from '@/lib/search/like';

export type ClaimCounts = Record<ReviewState, number> & { total: number; open: number };

export interface LibraryArticle {
  id: string;
  title: string;
  sourceName: string | null;
  sourceUrl: string | null;
  byline: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  claimCounts: ClaimCounts;
}

export interface LibraryPage {
  articles: LibraryArticle[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
  /** How many articles match the filters (all pages), counted up to LIBRARY_COUNT_CAP. */
  total: number;
  /** True when more than `total` match (show "1,000+"). */
  totalCapped: boolean;
}

/**
 * Matches are counted up to this many: an exact count of a large archive reads every row on
 * every page view, and past a thousand the number helps nobody ("1,000+", as search engines do).
 */
export const LIBRARY_COUNT_CAP = 1000;

interface Row {
  id: string;
  title: string;
  sourceName: string | null;
  sourceUrl: string | null;
  byline: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  draft: number;
  submitted: number;
  changes: number;
  approved: number;
  open: number;
  key: string;
}

/** Each sort: its key expression (as text for the cursor), its typed form, and its direction. */
const SORTS: Record<
  LibrarySort,
  { key: Prisma.Sql; id: Prisma.Sql; cast: (k: string) => Prisma.Sql; asc: boolean }
> = {
  // Each key has an index in the search schema that ends with the article id (migration
  // 20261202171000_search_candidates), so a page walks it from the cursor and stops.
  imported: {
    key: Prisma.sql`d."createdAt"`,
    id: Prisma.sql`d."articleId"`,
    cast: (k) => Prisma.sql`${k}::timestamp`,
    asc: false,
  },
  // Undated articles come last (as the oldest), not first.
  published: {
    key: Prisma.sql`d."publishedKey"`,
    id: Prisma.sql`d."articleId"`,
    cast: (k) => Prisma.sql`${k}::timestamp`,
    asc: false,
  },
  title: {
    key: Prisma.sql`d."titleKey"`,
    id: Prisma.sql`d."articleId"`,
    cast: (k) => Prisma.sql`${k}::text`,
    asc: true,
  },
  open: {
    key: Prisma.sql`n."open"`,
    id: Prisma.sql`n."articleId"`,
    cast: (k) => Prisma.sql`${k}::int`,
    asc: false,
  },
};

/**
 * The filters as conditions on search.article_doc d (text, author, dates) and
 * search.article_claims n (review states), whether they need n, and the source filter's
 * articles: a page joins only those, so a text search sorts its matches' keys in article_doc
 * before it reads anything else (joining every match first cost ~15 ms for a word in 500
 * articles).
 */
function whereOf(query: LibraryQuery): {
  where: Prisma.Sql[];
  counts: boolean;
  source: Prisma.Sql | null;
} {
  const where: Prisma.Sql[] = [];
  if (query.q) {
    where.push(Prisma.sql`(d."meta" @@ websearch_to_tsquery('english', ${query.q})
      OR d."body" @@ websearch_to_tsquery('english', ${query.q}))`);
  }
  if (query.author) where.push(Prisma.sql`d."byline" = ${query.author}`);
  // publishedKey is the published date, or -infinity for an undated article (never in a range).
  if (query.from) where.push(Prisma.sql`d."publishedKey" >= ${query.from}::date`);
  if (query.to) {
    where.push(
      Prisma.sql`d."publishedKey" < ${query.to}::date + 1 AND d."publishedKey" > '-infinity'`,
    );
  }
  if (query.states.length > 0) {
    const column: Record<ReviewState, Prisma.Sql> = {
      DRAFT: Prisma.sql`n."draft"`,
      SUBMITTED: Prisma.sql`n."submitted"`,
      CHANGES_REQUESTED: Prisma.sql`n."changesRequested"`,
      APPROVED: Prisma.sql`n."approved"`,
    };
    where.push(
      Prisma.sql`(${Prisma.join(
        query.states.map((s) => Prisma.sql`${column[s]} > 0`),
        ' OR ',
      )})`,
    );
  }
  // The source's articles are listed first (its index), then joined: walking a sort index and
  // checking each row's source instead read ~2,000 rows for a source of one article in 40.
  const source = query.source
    ? Prisma.sql`src AS MATERIALIZED (SELECT "id" FROM "Article" WHERE "sourceName" = ${query.source})`
    : null;
  return { where, counts: query.states.length > 0, source };
}

const FOLD = 'SELECT search.fold_claim_counts()';

/**
 * Folds the claim-count changes committed so far into search.article_claims, so a read that
 * follows sees every action that committed before it. Cheap when nothing is pending.
 */
export async function foldClaimCounts(prisma: PrismaClient): Promise<void> {
  await queryRows(prisma, Prisma.raw(FOLD));
}

/**
 * The planner settings under which text matches are found through the text indexes only. The
 * planner prices `body @@ q` as cheap, so with a LIMIT it would rather walk a sort index (or scan
 * the table) and de-TOAST each article's body vector on the way: 110 ms to count a word in 3,000
 * of 10,000 articles, 370 ms for the newest page of a word in most of them (the newest articles
 * being long ones). The bitmap of the GIN indexes reads no body: a few ms.
 */
const TEXT_INDEXES_ONLY = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off';

/** One page of the library for `query`, with the cursor of the next page. */
export async function listLibrary(prisma: PrismaClient, query: LibraryQuery): Promise<LibraryPage> {
  // A page link keeps the order it was made in, whatever `sort` says.
  const sortName = query.after?.s ?? query.sort;
  const sort = SORTS[sortName];
  const filters = whereOf(query);
  const page = [...filters.where];
  if (query.after) {
    const op = Prisma.raw(sort.asc ? '>' : '<');
    page.push(
      Prisma.sql`(${sort.key}, ${sort.id}) ${op} (${sort.cast(query.after.k)}, ${query.after.id})`,
    );
  }
  const where = (parts: Prisma.Sql[]) =>
    parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
  // Only the tables the filters (and the open-claims sort) need.
  const from = (counts: boolean) => Prisma.sql`search.article_doc d
    ${counts ? Prisma.sql`JOIN search.article_claims n ON n."articleId" = d."articleId"` : Prisma.empty}
    ${filters.source ? Prisma.sql`JOIN src ON src."id" = d."articleId"` : Prisma.empty}`;
  const withSource = filters.source ? Prisma.sql`${filters.source},` : Prisma.empty;
  const dir = Prisma.raw(sort.asc ? 'ASC' : 'DESC');
  // A text filter runs with the text indexes only (TEXT_INDEXES_ONLY), but not where the claim
  // counts are joined: every other way to join them is disabled then too, and 3,000 single-row
  // lookups cost more than the walk they avoid (a hash join is chosen otherwise).
  const pageJoinsCounts = filters.counts || sortName === 'open';
  const countIn = Prisma.sql`SELECT count(*)::int AS total FROM (
      SELECT 1 FROM ${from(filters.counts)}
      ${where(filters.where)}
      LIMIT ${LIBRARY_COUNT_CAP + 1}) x`;
  const pageIn = Prisma.sql`page AS MATERIALIZED (
        SELECT d."articleId" AS id, (${sort.key})::text AS key, ${sort.key} AS k
        FROM ${from(pageJoinsCounts)}
        ${where(page)}
        ORDER BY ${sort.key} ${dir}, ${sort.id} ${dir}
        LIMIT ${query.limit + 1})`;
  const rowsOf = Prisma.sql`SELECT a."id", a."title", a."sourceName", a."sourceUrl", a."byline",
             a."publishedAt", a."createdAt", n."draft", n."submitted",
             n."changesRequested" AS changes, n."approved", n."open", p.key, p.k
      FROM page p JOIN "Article" a ON a."id" = p.id
      JOIN search.article_claims n ON n."articleId" = p.id`;
  // The page and the capped count in one statement (one round trip, one plan); the count's row
  // comes back alone (id null) when the page is empty.
  const both = Prisma.sql`
      WITH ${withSource} ${pageIn}
      SELECT c.total, r.* FROM (${countIn}) c LEFT JOIN (${rowsOf}) r ON true
      ORDER BY r.k ${dir}, r.id ${dir}`;
  const textOnlyPage = Boolean(query.q) && !pageJoinsCounts;
  const textOnlyCount = Boolean(query.q) && !filters.counts;
  let rows: Row[];
  let counted: number;
  if (textOnlyPage === textOnlyCount) {
    const read = (client?: PoolClient) => queryRows<Row & { total: number }>(prisma, both, client);
    // The fold commits before the read's snapshot is taken (its own statement).
    const all = textOnlyPage
      ? await readInTransaction(prisma, `${FOLD}; ${TEXT_INDEXES_ONLY}`, read)
      : await foldClaimCounts(prisma).then(() => read());
    counted = all[0]?.total ?? 0;
    rows = all.filter((r) => r.id !== null);
  } else {
    // A text filter with the open-claims sort: only the count takes the text indexes.
    await foldClaimCounts(prisma);
    const [pageRows, count] = await Promise.all([
      queryRows<Row>(
        prisma,
        Prisma.sql`WITH ${withSource} ${pageIn} ${rowsOf} ORDER BY p.k ${dir}, p.id ${dir}`,
      ),
      readInTransaction(prisma, TEXT_INDEXES_ONLY, (client) =>
        queryRows<{ total: number }>(
          prisma,
          Prisma.sql`${filters.source ? Prisma.sql`WITH ${filters.source}` : Prisma.empty} ${countIn}`,
          client,
        ),
      ),
    ]);
    rows = pageRows;
    counted = count[0]?.total ?? 0;
  }
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    articles: shown.map((r) => ({
      id: r.id,
      title: r.title,
      sourceName: r.sourceName,
      sourceUrl: r.sourceUrl,
      byline: r.byline,
      publishedAt: r.publishedAt,
      createdAt: r.createdAt,
      claimCounts: {
        DRAFT: r.draft,
        SUBMITTED: r.submitted,
        CHANGES_REQUESTED: r.changes,
        APPROVED: r.approved,
        total: r.draft + r.submitted + r.changes + r.approved,
        open: r.open,
      },
    })),
    next:
      rows.length > query.limit && last
        ? encodeCursor({ s: sortName, k: last.key, id: last.id })
        : null,
    total: Math.min(counted, LIBRARY_COUNT_CAP),
    totalCapped: counted > LIBRARY_COUNT_CAP,
  };
}

/** How many values one answer lists: typing more narrows the rest. */
const VALUES_LIMIT = 20;

/**
 * Source names or authors (bylines) of articles that contain `q` (any case) or resemble it
 * (pg_trgm's `<%`, at the database's word similarity 0.5), for the library's filters as the
 * user types: values that start with it first, then those containing it, then the most
 * frequent; at most VALUES_LIMIT, with their article counts. Reads the distinct values the
 * database keeps (search.article_value, migration 20261203172000_library_values).
 */
export function findLibraryValues(
  prisma: PrismaClient,
  { field, q }: LibraryValuesQuery,
): Promise<LibraryValues['values']> {
  const contains = `%${likeEscaped(q)}%`;
  const starts = `${likeEscaped(q)}%`;
  return prisma.$queryRaw<LibraryValues['values']>`
    SELECT v."value", v."articles" AS count FROM search.article_value v
    WHERE v."field" = ${field} AND v."articles" > 0
      AND (v."value" ILIKE ${contains} OR ${q} <% v."value")
    ORDER BY (v."value" ILIKE ${starts}) DESC, (v."value" ILIKE ${contains}) DESC,
             v."articles" DESC, v."value"
    LIMIT ${VALUES_LIMIT}`;
}
