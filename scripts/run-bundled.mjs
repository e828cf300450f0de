/**
 * Runs a TypeScript command-line script precompiled, so it answers without tsx's start-up
 * (about 1.5 s of CPU before the first line of our code runs).
 *
 * `node scripts/run-bundled.mjs <name> [args...]` runs `scripts/<name>.ts` from an esbuild
 * bundle kept in `node_modules/.cache/factmark/<name>.mjs`. Only our own code is bundled;
 * packages stay external, so the script's lazy imports (the DOM, Readability, mammoth...) are
 * still loaded only when needed. The bundle is rebuilt (about 0.2 s) when it is missing or any
 * file it was built from changed since; esbuild's metafile lists those files.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'factmark');

/** True when the bundle exists and none of its inputs is newer than it. */
function isFresh(bundle, metafile) {
  if (!existsSync(bundle) || !existsSync(metafile)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  try {
    const { inputs } = JSON.parse(readFileSync(metafile, 'utf8'));
    return Object.keys(inputs).every((input) => statSync(join(ROOT, input)).mtimeMs <= builtAt);
  } catch {
    return false; // an input was removed or the metafile is unreadable
  }
}

/**
 * esbuild keeps every import of an external package and every top-level statement of our
 * modules, even when nothing of them is used, because either might have side effects. Neither
 * does here: packages are imported for their exports only, and `lib/` is the pure domain (its
 * modules only define functions and constants). Saying so lets esbuild drop what the script
 * does not use: zod (about 80 files to load, ~0.1 s, for the request schemas that
 * lib/import's index re-exports and no command-line script uses).
 */
const sideEffectFree = {
  name: 'side-effect-free',
  setup(build) {
    const LIB = join(ROOT, 'lib') + sep;
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'inner' || args.kind === 'entry-point') return undefined;
      const { path, kind, importer, resolveDir } = args;
      const result = await build.resolve(path, { kind, importer, resolveDir, pluginData: 'inner' });
      if (result.errors.length) return undefined;
      const pure = result.external || result.path.startsWith(LIB);
      return pure ? { ...result, sideEffects: false } : result;
    });
  },
};

async function bundle(name, metafile) {
  const { build } = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const result = await build({
    entryPoints: { [name]: join(ROOT, 'scripts', `${name}.ts`) },
    outdir: CACHE,
    // Code splitting keeps the script's dynamic imports lazy: a module imported with import()
    // (and the packages it imports) becomes its own chunk, loaded only when reached.
    splitting: true,
    chunkNames: `${name}-[hash]`,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.json'),
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'error',
    plugins: [sideEffectFree],
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(metafile, JSON.stringify(result.metafile));
}

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(join(ROOT, 'scripts', `${name}.ts`))) {
  console.error('usage: node scripts/run-bundled.mjs <script name> [args...]');
  process.exit(2);
}
const outfile = join(CACHE, `${name}.mjs`);
const metafile = join(CACHE, `${name}.meta.json`);
if (!isFresh(outfile, metafile)) await bundle(name, metafile);
// The script reads its arguments from process.argv, as when run through tsx.
process.argv = [process.argv[0], join(ROOT, 'scripts', `${name}.ts`), ...args];
await import(pathToFileURL(outfile).href);
