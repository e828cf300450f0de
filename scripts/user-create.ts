/**
 * `npm run user:create -- --email you@example.org --role ADMIN [--name "Your Name"] [--password …]`
 * Creates a user directly in the database (for a fresh install with FACTMARK_DEMO=off). Without
 * --password it asks for one on the terminal, or reads it from FACTMARK_NEW_PASSWORD; the
 * password never appears in the process list when typed. The password must pass the policy of
 * lib/password-policy.ts; a refused one is reported with the reason (e.g. "password: This is a
 * commonly used password. Add more words that are less common.").
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { nameFromEmail, newUserSchema } from '../lib/users';
import { loadDotEnv, openDatabase } from '../server/dev/bootstrap';
import { createPrismaClient } from '../server/platform/db';
import { AppError } from '../server/platform/errors';
import { createUser } from '../server/users';

const USAGE =
  'usage: npm run user:create -- --email EMAIL --role EDITOR|REVIEWER|ADMIN [--name NAME] [--password PASSWORD]';

async function askPassword(): Promise<string> {
  if (process.env.FACTMARK_NEW_PASSWORD) return process.env.FACTMARK_NEW_PASSWORD;
  if (!process.stdin.isTTY)
    throw new Error(`No password: pass --password or set FACTMARK_NEW_PASSWORD.\n${USAGE}`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing but the prompt.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const prompt = 'Password for the new user: ';
  output._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stdout.write(prompt);
  };
  const password = await rl.question(prompt);
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email || !values.role) throw new Error(USAGE);
  loadDotEnv();
  const input = newUserSchema.parse({
    email: values.email,
    role: values.role.toUpperCase(),
    name: values.name ?? nameFromEmail(values.email),
    password: values.password ?? (await askPassword()),
  });
  const database = await openDatabase(() => {});
  const prisma = createPrismaClient(database.url);
  try {
    const user = await createUser(prisma, input, null);
    console.log(`Created ${user.role} ${user.email} (${user.name}).`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof z.ZodError) {
    console.error(
      error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  } else if (error instanceof AppError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
});
