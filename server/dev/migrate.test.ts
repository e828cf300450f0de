import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createRequire } from 'node:module';
import { ANCHOR_STATES, REVIEW_STATES, ROLES, VERDICTS } from '@/lib/domain';
import { PROJECT_ROOT } from './bootstrap';
import { migrate, readMigrations } from './migrate';
import { createEmptyDatabase, dropDatabase } from './test-db';

const migrationsDir = join(PROJECT_ROOT, 'prisma', 'migrations');

interface DmmfField {
  name: string;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  relationFromFields?: string[];
  relationOnDelete?: string;
}
interface Dmmf {
  models: { name: string; fields: DmmfField[] }[];
  enums: { name: string; values: { name: string }[] }[];
  indexes: {
    model: string;
    type: 'id' | 'normal' | 'unique' | 'fulltext';
    fields: { name: string }[];
  }[];
}

/** Reads schema.prisma with Prisma's own schema parser (the wasm build the CLI uses). */
function readDatamodel(): Dmmf {
  const wasm = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as {
    get_dmmf(params: string): string;
  };
  const schema = readFileSync(join(PROJECT_ROOT, 'prisma', 'schema.prisma'), 'utf8');
  return (
    JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as {
      datamodel: Dmmf;
    }
  ).datamodel;
}

/** What `prisma migrate` creates for each scalar type (information_schema's names). */
const PG_TYPES: Record<string, { data_type: string; datetime_precision?: number }> = {
  String: { data_type: 'text' },
  Int: { data_type: 'integer' },
  Float: { data_type: 'double precision' },
  Boolean: { data_type: 'boolean' },
  DateTime: { data_type: 'timestamp without time zone', datetime_precision: 3 },
  Json: { data_type: 'jsonb' },
};

describe('migrations', () => {
  const datamodel = readDatamodel();
  let client: pg.Client;
  let dbName: string;
  let url: string;

  before(async () => {
    ({ url, name: dbName } = await createEmptyDatabase('migrate'));
    await migrate(url, { migrationsDir });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  after(async () => {
    await client.end();
    await dropDatabase(dbName);
  });

  it('creates exactly one table per model, plus _prisma_migrations', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    const expected = [...datamodel.models.map((m) => m.name), '_prisma_migrations'].sort();
    assert.deepEqual(rows.map((r) => r.table_name).sort(), expected);
  });

  it('gives every scalar and enum field a column of the right type and nullability, and no other columns', async () => {
    for (const model of datamodel.models) {
      const { rows } = await client.query<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: 'YES' | 'NO';
        datetime_precision: number | null;
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [model.name],
      );
      const columns = new Map(rows.map((r) => [r.column_name, r]));
      const fields = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
      assert.deepEqual(
        [...columns.keys()].sort(),
        fields.map((f) => f.name).sort(),
        `columns of ${model.name}`,
      );
      for (const field of fields) {
        const column = columns.get(field.name)!;
        const where = `${model.name}.${field.name}`;
        assert.equal(column.is_nullable, field.isRequired ? 'NO' : 'YES', `${where} nullability`);
        if (field.kind === 'enum') {
          assert.equal(column.data_type, 'USER-DEFINED', `${where} type`);
          assert.equal(column.udt_name, field.type, `${where} enum`);
        } else if (field.isList) {
          const expected = PG_TYPES[field.type];
          assert.equal(column.data_type, 'ARRAY', `${where} type`);
          assert.equal(
            column.udt_name,
            `_${expected?.data_type === 'text' ? 'text' : ''}`,
            `${where} list`,
          );
        } else {
          const expected = PG_TYPES[field.type];
          assert.ok(expected, `${where}: no mapping for ${field.type}`);
          assert.equal(column.data_type, expected.data_type, `${where} type`);
          if (expected.datetime_precision !== undefined) {
            assert.equal(
              column.datetime_precision,
              expected.datetime_precision,
              `${where} precision`,
            );
          }
        }
      }
    }
  });

  it('creates every enum with the values of the schema, and the domain lists match them', async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const inDb = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    for (const enumType of datamodel.enums) {
      assert.deepEqual(
        inDb[enumType.name],
        enumType.values.map((v) => v.name),
        enumType.name,
      );
    }
    assert.deepEqual(inDb.Role, [...ROLES]);
    assert.deepEqual(inDb.Verdict, [...VERDICTS]);
    assert.deepEqual(inDb.ReviewState, [...REVIEW_STATES]);
    assert.deepEqual(inDb.AnchorState, [...ANCHOR_STATES]);
  });

  it('creates every primary key, unique constraint and index named as Prisma names them', async () => {
    const { rows } = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
      "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    const actual = new Map(rows.map((r) => [r.indexname, r]));
    const expectedNames = new Set<string>();
    for (const index of datamodel.indexes) {
      const columns = index.fields.map((f) => f.name);
      const name =
        index.type === 'id'
          ? `${index.model}_pkey`
          : `${index.model}_${columns.join('_')}_${index.type === 'unique' ? 'key' : 'idx'}`;
      expectedNames.add(name);
      const found = actual.get(name);
      assert.ok(found, `missing index ${name}`);
      assert.equal(found.tablename, index.model);
      // PostgreSQL quotes only the column names that need it (mixed case).
      assert.match(
        found.indexdef,
        new RegExp(`\\(${columns.map((c) => `"?${c}"?`).join(', ')}\\)$`),
        name,
      );
      assert.equal(
        found.indexdef.startsWith('CREATE UNIQUE'),
        index.type !== 'normal',
        `${name} uniqueness`,
      );
    }
    assert.deepEqual(
      [...actual.keys()].sort(),
      [...expectedNames].sort(),
      'no indexes beyond the schema',
    );
  });

  // The "search" schema (full-text search, issue #17) is derived data outside Prisma's models.
  it('creates every relation as a foreign key with the schema referential actions', async () => {
    const { rows } = await client.query<{ conname: string; delete_rule: string }>(
      `SELECT c.conname, rc.delete_rule FROM pg_constraint c
       JOIN information_schema.referential_constraints rc ON rc.constraint_name = c.conname
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const actual = new Map(rows.map((r) => [r.conname, r.delete_rule]));
    const expected = new Map<string, string>();
    for (const model of datamodel.models) {
      for (const field of model.fields) {
        if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
        const name = `${model.name}_${field.relationFromFields.join('_')}_fkey`;
        // Prisma's defaults: Restrict for required relations, SetNull for optional ones.
        const action = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
        expected.set(name, action.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase());
      }
    }
    assert.deepEqual(
      Object.fromEntries([...actual].sort()),
      Object.fromEntries([...expected].sort()),
    );
  });

  it('records each migration in _prisma_migrations as Prisma does', async () => {
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations"',
    );
    const files = readMigrations(migrationsDir);
    assert.equal(rows.length, files.length);
    for (const file of files) {
      const row = rows.find((r) => r.migration_name === file.name);
      assert.ok(row, file.name);
      const sql = readFileSync(join(migrationsDir, file.name, 'migration.sql'));
      assert.equal(row.checksum, createHash('sha256').update(sql).digest('hex'));
      assert.ok(row.finished_at instanceof Date);
      assert.equal(row.applied_steps_count, 1);
      assert.equal(row.rolled_back_at, null);
    }
  });

  it('applies nothing on a second run', async () => {
    const result = await migrate(url, { migrationsDir });
    assert.deepEqual(result.applied, []);
  });
});

describe('concurrent migration', () => {
  it('applies each migration exactly once when several instances start at once', async () => {
    const { url, name } = await createEmptyDatabase('race');
    try {
      const results = await Promise.all([1, 2, 3].map(() => migrate(url, { migrationsDir })));
      const applied = results.flatMap((r) => r.applied);
      assert.deepEqual(
        applied,
        readMigrations(migrationsDir).map((m) => m.name),
      );
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      await client.end();
      assert.equal(rows[0].n, readMigrations(migrationsDir).length);
    } finally {
      await dropDatabase(name);
    }
  });
});
