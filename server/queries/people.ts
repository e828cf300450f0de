/**
 * People by name for the Author and Reviewer filters (issue #17): a name containing what was
 * typed (any case), or similar to it (pg_trgm word similarity, so "Petrova" finds "Petrovva"),
 * within one of the groups of lib/people.ts. Names only: an email is not shown to other roles;
 * two accounts with the same name are told apart by role and the day they were made.
 */
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db';
import { PEOPLE_LIMIT, namesakeDetail, type PeopleGroup, type Person } from '@/lib/people';
import type { Role } from '@/lib/domain';
import { likeEscaped } from '@/lib/search/like';

interface PersonRow {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** Another account has the same name (any case). */
  shared: boolean;
}

/** Whether another account has u's name (any case): the condition for a detail. */
const NAME_SHARED = Prisma.sql`EXISTS (
  SELECT 1 FROM "User" o WHERE lower(o."name") = lower(u."name") AND o."id" <> u."id")`;

function toPerson(row: PersonRow): Person {
  const person: Person = { id: row.id, name: row.name };
  if (row.shared) person.detail = namesakeDetail(row.role, row.createdAt);
  return person;
}

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
export async function findPeople(
  prisma: PrismaClient,
  { q, among }: { q: string; among: PeopleGroup },
): Promise<Person[]> {
  const contains = `%${likeEscaped(q)}%`;
  const starts = `${likeEscaped(q)}%`;
  const rows = await prisma.$queryRaw<PersonRow[]>`
    SELECT u."id", u."name", u."role"::text AS "role", u."createdAt", ${NAME_SHARED} AS "shared"
    FROM "User" u
    WHERE ${GROUPS[among]}
      AND (u."name" ILIKE ${contains} OR word_similarity(${q}, u."name") >= ${NAME_SIMILARITY})
    ORDER BY (u."name" ILIKE ${starts}) DESC, (u."name" ILIKE ${contains}) DESC,
             word_similarity(${q}, u."name") DESC, u."name", u."id"
    LIMIT ${PEOPLE_LIMIT}`;
  return rows.map(toPerson);
}

/** The person a filter holds now (to show their name), or null for an unknown id. */
export async function getPerson(
  prisma: PrismaClient,
  id: string | undefined,
): Promise<Person | null> {
  if (!id) return null;
  const rows = await prisma.$queryRaw<PersonRow[]>`
    SELECT u."id", u."name", u."role"::text AS "role", u."createdAt", ${NAME_SHARED} AS "shared"
    FROM "User" u WHERE u."id" = ${id}`;
  return rows[0] ? toPerson(rows[0]) : null;
}
