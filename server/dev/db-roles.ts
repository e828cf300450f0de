/**
 * The two database roles: the owner, which runs the migrations and owns every table, and the
 * app role the server connects as: a plain login role (not a superuser, owns nothing) that may
 * read and write the tables but only read and append to "AuditEvent". With the embedded
 * PostgreSQL both are set up automatically; with DATABASE_URL the README shows the SQL, and
 * start-up warns when the app connects as a superuser.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The app role's default name. */
export const APP_ROLE = 'factmark_app';

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Creates (or updates) the app role on the database at `ownerUrl` and grants it what the app
 * needs, nothing more. Run after every migration, so new tables are granted too. Returns the
 * app role's connection URL (same host and database). `password` defaults to a fresh random
 * one, set on the role each time.
 */
export async function ensureAppRole(
  ownerUrl: string,
  { role = APP_ROLE, password = randomBytes(18).toString('base64url') } = {},
): Promise<{ url: string; role: string }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = quoteIdent(role);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${r} LOGIN`);
      } catch (error) {
        // Another process created it at the same moment (roles are cluster-wide).
        if (
          (error as { code?: string }).code !== '23505' &&
          (error as { code?: string }).code !== '42710'
        ) {
          throw error;
        }
      }
    }
    await client.query(
      `ALTER ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
        `PASSWORD ${quoteLiteral(password)}`,
    );
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(rows[0]!.db)} TO ${r}`);
    // The app's data lives in `public` and in the migrations' own schemas (e.g. `search`,
    // whose tables the database's triggers keep in step with the app's writes).
    const { rows: schemas } = await client.query<{ name: string }>(
      `SELECT schema_name AS name FROM information_schema.schemata
        WHERE schema_name NOT IN ('information_schema', 'pgboss') AND schema_name NOT LIKE 'pg\\_%'`,
    );
    for (const { name } of schemas) {
      const schema = quoteIdent(name);
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${r}`);
      await client.query(
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${r}`,
      );
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${r}`);
    }
    // The log is append-only for the app (a trigger also refuses it to everyone).
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${r}`);
    // Migrations are the owner's business.
    await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${r}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return { url: url.toString(), role };
}

/** True when the URL's role is a PostgreSQL superuser (start-up warns about it). */
export async function isSuperuser(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    return rows[0]?.rolsuper === true;
  } finally {
    await client.end();
  }
}
