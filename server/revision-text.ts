/**
 * Revision texts are immutable, so a process may keep recently used ones: creating a claim on
 * a 20,000-word article then reads a short id from the database instead of the whole text.
 * This is a cache of facts that never change, not state: any instance may drop it any time.
 */
import type { PrismaClient } from './platform/db';
import type { Prisma } from './generated/prisma/client';

/** Upper bound of cached text, in UTF-16 code units (about 2 bytes each). */
const MAX_CACHED_CHARS = 20_000_000;

const cache = new Map<string, string>();
let cachedChars = 0;

function remember(id: string, text: string) {
  cache.set(id, text);
  cachedChars += text.length;
  // Evict the oldest entries (Map keeps insertion order) until under the bound.
  for (const [key, value] of cache) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    cache.delete(key);
    cachedChars -= value.length;
  }
}

/** The current (latest) revision of an article, id and text; null when there is none. */
export async function currentRevision(
  db: PrismaClient | Prisma.TransactionClient,
  articleId: string,
): Promise<{ id: string; text: string } | null> {
  // Raw: placing every span reads this, so it skips the ORM's query building.
  const [latest] = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ArticleRevision" WHERE "articleId" = ${articleId}
    ORDER BY number DESC LIMIT 1`;
  if (!latest) return null;
  const cached = cache.get(latest.id);
  if (cached !== undefined) return { id: latest.id, text: cached };
  const { text } = await db.articleRevision.findUniqueOrThrow({
    where: { id: latest.id },
    select: { text: true },
  });
  remember(latest.id, text);
  return { id: latest.id, text };
}
