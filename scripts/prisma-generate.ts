/**
 * Runs `prisma generate` offline. Generate never uses Prisma's schema-engine binary, but the CLI
 * checks for it and tries to download it first; pointing PRISMA_SCHEMA_ENGINE_BINARY at a
 * stand-in file skips that. Never run migrate commands with the stand-in (they would report
 * success and apply nothing): migrations go through `npm run db:migrate`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const standIn = join(root, 'node_modules', '.cache', 'factmark', 'schema-engine-not-used');
if (!existsSync(standIn)) {
  mkdirSync(join(standIn, '..'), { recursive: true });
  writeFileSync(
    standIn,
    '#!/bin/sh\necho "schema-engine is not used by prisma generate" >&2\nexit 1\n',
  );
  chmodSync(standIn, 0o755);
}

const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? standIn,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
process.exit(result.status ?? 1);
