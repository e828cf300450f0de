/**
 * People by name for the Author and Reviewer filters (issue #17): a name containing what was
 * typed (any case), or similar to it (pg_trgm word similarity, so "Petrova" finds "Petrovva"),
 * within one of the groups of lib/people.ts. Names only: an email is not shown to other roles.
 */
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db';
import { PEOPLE_LIMIT, type PeopleGroup, type Person } from '@/lib/people';
import { likeEscaped } from '@/lib/search/like';

/** The rows of each group, as a condition on "User" u (one definition per group). */
const GROUPS: Record<PeopleGroup, Prisma.Sql> = {
  all: Prisma.sql`TRUE`,
  reviewers: Prisma.sql`(u."role" IN ('REVIEWER', 'ADMIN') OR EXISTS (
    SELECT 1 FROM "ReviewDecision" d WHERE d."reviewerId" = u."id" AND d."decision" = 'APPROVE'))`,
  'queue-authors': Prisma.sql`EXISTS (
    SELECT 1 FROM "Claim" c WHERE c."authorId" = u."id" AND c."reviewState" = 'SUBMITTED')`,
};

/**
 * A typo in a name is forgiven at this word similarity (the search's threshold for claimants
 * and bylines): lower lets unrelated short names in, higher misses a doubled or dropped letter.
 */
const NAME_SIMILARITY = 0.5;

/**
 * People of `among` whose name contains `q` or is similar to it: names that start with it
 * first, then names containing it, then similar ones; at most PEOPLE_LIMIT.
 */
export function findPeople(
  prisma: PrismaClient,
  { q, among }: { q: string; among: PeopleGroup },
): Promise<Person[]> {
  const contains = `%${likeEscaped(q)}%`;
  const starts = `${likeEscaped(q)}%`;
  return prisma.$queryRaw<Person[]>`
    SELECT u."id", u."name" FROM "User" u
    WHERE ${GROUPS[among]}
      AND (u."name" ILIKE ${contains} OR word_similarity(${q}, u."name") >= ${NAME_SIMILARITY})
    ORDER BY (u."name" ILIKE ${starts}) DESC, (u."name" ILIKE ${contains}) DESC,
             word_similarity(${q}, u."name") DESC, u."name", u."id"
    LIMIT ${PEOPLE_LIMIT}`;
}

/** The person a filter holds now (to show their name), or null for an unknown id. */
export function getPerson(prisma: PrismaClient, id: string | undefined): Promise<Person | null> {
  if (!id) return Promise.resolve(null);
  return prisma.user.findUnique({ where: { id }, select: { id: true, name: true } });
}
