/**
 * Test helper: runs the MUST assertions of the W3C Web Annotation test suite (copied unchanged
 * into ./w3c-web-annotation, see its license.md) against exported JSON-LD with ajv.
 *
 * The suite's schemas are JSON Schema draft-04, which ajv v8 does not read as is. They are adapted
 * in memory only (the files stay byte-for-byte the suite's): `$schema` is dropped, each file's
 * draft-04 `id` becomes its `$id` (assertion files are registered under their file name, because
 * a few declare ids that clash or differ from their name), and draft-04's boolean
 * `exclusiveMinimum: true` + `minimum: n` becomes draft-06's `exclusiveMinimum: n`. The suite's
 * own keywords (`assertionType`, `expectedResult`, ...) are ignored (strict: false). Every MUST
 * assertion expects "valid", so a failure is any assertion whose schema rejects the document.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';

const SUITE_DIR = fileURLToPath(new URL('./w3c-web-annotation/', import.meta.url));

/** The MUST test lists of the suite used here, relative to SUITE_DIR. */
export const MUST_TESTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const;

/** One failed MUST assertion. */
export type ConformanceFailure = {
  readonly assertion: string;
  readonly message: string;
  readonly errors: readonly ErrorObject[];
};

type Assertion = { readonly path: string; readonly message: string; readonly validate: ValidateFunction };

type JsonObject = Record<string, unknown>;

function readJson(path: string): JsonObject {
  return JSON.parse(readFileSync(SUITE_DIR + path, 'utf8')) as JsonObject;
}

/** Draft-04 -> ajv (draft-07) adaptation of one schema node; see the module comment. */
function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (node === null || typeof node !== 'object') return node;
  const source = node as JsonObject;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema') continue;
    if (key === 'exclusiveMinimum' && typeof value === 'boolean') continue;
    out[key] =
      key === 'properties' || key === 'patternProperties' || key === 'definitions'
        ? Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, adapt(v)]))
        : adapt(value);
  }
  if (source.exclusiveMinimum === true && typeof source.minimum === 'number') {
    out.exclusiveMinimum = source.minimum;
    delete out.minimum;
  }
  return out;
}

/** A root schema registered under `id` (its draft-04 `id` removed). */
function rootSchema(path: string, id: string): JsonObject {
  const adapted = adapt(readJson(path)) as JsonObject;
  delete adapted.id;
  return { ...adapted, $id: id };
}

let ajv: Ajv | undefined;
const compiled = new Map<string, Assertion[]>();

function instance(): Ajv {
  if (ajv) return ajv;
  const created = new Ajv({ strict: false, allErrors: true });
  const formats = ajvFormats as unknown as {
    default: ((a: Ajv) => Ajv) | { default: (a: Ajv) => Ajv };
  };
  const addFormats = typeof formats.default === 'function' ? formats.default : formats.default.default;
  addFormats(created);
  for (const file of readdirSync(SUITE_DIR + 'definitions')) {
    const declared = readJson(`definitions/${file}`).id;
    created.addSchema(rootSchema(`definitions/${file}`, typeof declared === 'string' ? declared : file));
  }
  ajv = created;
  return created;
}

/** The assertions listed by one of the suite's `.test` files, compiled once. */
export function mustAssertions(test: keyof typeof MUST_TESTS): readonly Assertion[] {
  const cached = compiled.get(test);
  if (cached) return cached;
  const list = readJson(MUST_TESTS[test]).assertions as string[];
  const assertions = list.map((path) => {
    const schema = readJson(path);
    if (schema.assertionType !== 'must' || schema.expectedResult !== 'valid') {
      throw new Error(`${path} is not a MUST assertion expecting "valid"`);
    }
    return {
      path,
      message: String(schema.errorMessage ?? path),
      validate: instance().compile(rootSchema(path, basename(path))),
    };
  });
  compiled.set(test, assertions);
  return assertions;
}

/** Runs every MUST assertion of `test` on `document`; returns the failures (empty = conformant). */
export function checkMusts(test: keyof typeof MUST_TESTS, document: unknown): ConformanceFailure[] {
  const failures: ConformanceFailure[] = [];
  for (const assertion of mustAssertions(test)) {
    if (!assertion.validate(document)) {
      failures.push({
        assertion: assertion.path,
        message: assertion.message,
        errors: assertion.validate.errors ?? [],
      });
    }
  }
  return failures;
}
