import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection URL here, not from schema.prisma. `env()` would throw when
// DATABASE_URL is unset (the embedded-Postgres default), so read process.env directly.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/factmark' },
});
