/**
 * `npm run import -- <file|URL>... [--as EMAIL] [--allow-duplicate]`
 * Imports articles into the library, as the given user (default: the first admin), through the
 * same pipeline as the Import page: files (.txt, .md, .html, .docx) or http(s) addresses
 * (fetched with the same address rules as the app; FACTMARK_IMPORT_ALLOW_HOSTS applies).
 * Cleans with the default choices and the metadata found. An input whose text is already in
 * the library is skipped unless --allow-duplicate. Exits 1 when any input was not imported.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadDotEnv, openDatabase } from '../server/dev/bootstrap';
import { createPrismaClient, type PrismaClient } from '../server/platform/db';
import { AppError } from '../server/platform/errors';
import type { LibraryMatch } from '../server/import/library-matches';
import type { ImportSource } from '../server/import/prepare';
import { importArticle } from '../server/import/save';
import { importSettings } from '../server/import/settings';
import type { SessionUser } from '../server/users';

const USAGE = 'usage: npm run import -- <file|URL>... [--as EMAIL] [--allow-duplicate]';

function sourceOf(input: string): ImportSource {
  if (/^https?:\/\//i.test(input)) return { kind: 'url', url: input };
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch {
    throw new AppError('not_found', `No such file: ${input}`);
  }
  return { kind: 'file', name: basename(input), type: '', bytes };
}

async function importer(prisma: PrismaClient, email: string | undefined): Promise<SessionUser> {
  const user = email
    ? await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } })
    : await prisma.user.findFirst({
        where: { role: 'ADMIN', disabledAt: null },
        orderBy: { createdAt: 'asc' },
      });
  if (!user) {
    throw new Error(
      email
        ? `No user with email ${email}.`
        : 'No admin to import as: create one with npm run user:create, or pass --as EMAIL.',
    );
  }
  if (user.disabledAt) throw new Error(`The account ${user.email} is disabled.`);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { as: { type: 'string' }, 'allow-duplicate': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (!positionals.length) throw new Error(USAGE);
  loadDotEnv();
  const settings = importSettings();
  const database = await openDatabase((line) => console.error(line));
  const prisma = createPrismaClient(database.url);
  let failed = 0;
  try {
    const user = await importer(prisma, values.as);
    console.error(`Importing as ${user.email} (${user.role}).`);
    for (const input of positionals) {
      try {
        const { article, removed, format } = await importArticle(
          prisma,
          user,
          sourceOf(input),
          settings,
          { allowDuplicate: values['allow-duplicate'] ?? false },
        );
        console.log(
          `Imported ${input} (${format}) as “${article.title}” [${article.id}], ${removed} block group(s) removed.`,
        );
      } catch (error) {
        failed++;
        if (error instanceof AppError && error.code === 'duplicate_article') {
          const match = (error.details?.matches as LibraryMatch[])[0]!;
          console.error(
            `Skipped ${input}: the library already has it as “${match.title}” [${match.id}] (${match.relation}). Pass --allow-duplicate to import it anyway.`,
          );
        } else if (error instanceof AppError || error instanceof z.ZodError) {
          const message =
            error instanceof z.ZodError
              ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
              : error.message;
          console.error(`Failed ${input}: ${message}`);
        } else {
          throw error;
        }
      }
    }
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
