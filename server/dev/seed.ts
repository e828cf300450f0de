/**
 * Loads the demo accounts and articles once. Safe to run on every start and from several
 * instances at once: it runs under an advisory lock and only creates what is missing.
 *
 * The demo articles go through the same import pipeline as any pasted text (server/import):
 * revision 1 is the cleaned text, and the raw file is kept unchanged as the article's raw
 * input ("View original").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeArticleText, type ArticleMetadata } from '@/lib/import/index';
import { sha256Hex } from '@/lib/text';
import { DEMO_ACCOUNTS, DEMO_ARTICLES, type DemoArticle } from '@/prisma/demo/demo';
import type { PrismaClient } from '../platform/db';
import { prepareImport } from '../import/prepare';
import { importSettings } from '../import/settings';
import { hashPassword } from '../platform/passwords';

/** Any constant distinct from Prisma's migration lock key. */
const SEED_LOCK_KEY = 4_207_2026;

export interface SeedResult {
  usersCreated: number;
  articlesCreated: number;
}

/** A demo article as the import pipeline reads it: raw file, cleaned text, metadata found. */
export interface DemoImport {
  raw: string;
  text: string;
  metadata: ArticleMetadata;
}

/** Reads a demo article's file and cleans it as an import of pasted text would. */
export async function prepareDemoArticle(demo: DemoArticle, demoDir: string): Promise<DemoImport> {
  const raw = readFileSync(join(demoDir, demo.file), 'utf8');
  const prepared = await prepareImport({ kind: 'text', text: raw }, importSettings());
  return { raw, text: normalizeArticleText(prepared.clean.text), metadata: prepared.metadata };
}

export async function seedDemo(
  prisma: PrismaClient,
  demoDir = join(process.cwd(), 'prisma', 'demo'),
): Promise<SeedResult> {
  const existing = new Set(
    (
      await prisma.user.findMany({
        where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  // Hash outside the transaction: argon2 is deliberately slow.
  const hashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    if (!existing.has(account.email))
      hashes.set(account.email, await hashPassword(account.password));
  }
  // Cleaned outside the transaction (no database work in it).
  const imports = new Map<string, DemoImport>();
  for (const demo of DEMO_ARTICLES) {
    imports.set(demo.seedKey, await prepareDemoArticle(demo, demoDir));
  }

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      let usersCreated = 0;
      for (const account of DEMO_ACCOUNTS) {
        const user = await tx.user.findUnique({
          where: { email: account.email },
          select: { id: true },
        });
        if (user) {
          await tx.user.update({ where: { id: user.id }, data: { disabledAt: null } });
          continue;
        }
        const passwordHash = hashes.get(account.email) ?? (await hashPassword(account.password));
        const created = await tx.user.create({
          data: { email: account.email, name: account.name, role: account.role, passwordHash },
        });
        await tx.auditEvent.create({
          data: {
            action: 'user.create',
            entityType: 'User',
            entityId: created.id,
            after: { email: created.email, name: created.name, role: created.role, demo: true },
          },
        });
        usersCreated++;
      }

      const editor = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[0]!.email } });
      let articlesCreated = 0;
      for (const demo of DEMO_ARTICLES) {
        if (await tx.article.findUnique({ where: { seedKey: demo.seedKey }, select: { id: true } }))
          continue;
        const { raw, text, metadata } = imports.get(demo.seedKey)!;
        const article = await tx.article.create({
          data: {
            seedKey: demo.seedKey,
            // demo.ts is the corrected metadata (as a person would correct the import form);
            // the pipeline agrees wherever it finds a value (server/dev/seed.test.ts).
            title: demo.title,
            sourceName: demo.sourceName,
            byline: demo.byline,
            sourceUrl: metadata.sourceUrl ?? null,
            publishedAt: new Date(`${demo.publishedAt}T00:00:00Z`),
            rawInput: raw,
            createdById: editor.id,
            revisions: {
              create: {
                number: 1,
                text,
                sha256: sha256Hex(text),
                note: 'Demo article',
                createdById: editor.id,
              },
            },
          },
        });
        await tx.auditEvent.create({
          data: {
            actorId: editor.id,
            action: 'article.create',
            entityType: 'Article',
            entityId: article.id,
            after: { title: article.title, seedKey: demo.seedKey },
          },
        });
        articlesCreated++;
      }
      return { usersCreated, articlesCreated };
    },
    { timeout: 30_000 },
  );
}

/**
 * With the demo turned off (FACTMARK_DEMO=off) the demo accounts, whose passwords are public,
 * must not sign in: disable any that exist. Their work stays attributed to them.
 */
export async function disableDemoAccounts(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.user.updateMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, disabledAt: null },
    data: { disabledAt: new Date() },
  });
  return count;
}
