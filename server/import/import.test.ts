import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { applyKeeps, saveImportSchema } from '@/lib/import';
import { AppError } from '../platform/errors';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import type { SessionUser } from '../users';
import { findLibraryMatches } from './library-matches';
import { previewImport } from './preview';
import { importArticle, saveImport } from './save';
import { MAX_IMPORT_BYTES, type ImportSettings } from './settings';

const fixture = (name: string) =>
  readFileSync(new URL(`../../lib/import/fixtures/${name}`, import.meta.url), 'utf8');

const SETTINGS: ImportSettings = {
  allowHosts: [],
  timeoutMs: 2000,
  maxBytes: MAX_IMPORT_BYTES,
  maxRedirects: 5,
};

describe('import service (database)', () => {
  let db: TestDatabase;
  let user: SessionUser;
  before(async () => {
    db = await createTestDatabase('import');
    const created = await db.prisma.user.create({
      data: {
        email: 'importer@test.example',
        name: 'Importer',
        role: 'REVIEWER',
        passwordHash: 'x',
      },
    });
    user = { id: created.id, email: created.email, name: created.name, role: created.role };
  });
  after(() => db.drop());

  it('previews, keeps a block back, saves the edited text with the raw input', async () => {
    const raw = fixture('astana-times-astana-2-talks-scraped.txt');
    const preview = await previewImport(db.prisma, { kind: 'text', text: raw }, SETTINGS);
    assert.deepEqual(preview.libraryMatches, []);
    const list = preview.removed.find((g) => g.text.startsWith('Most Recent Stories'))!;
    const kept = applyKeeps(
      {
        text: preview.text,
        blocks: [],
        removed: preview.removed,
        kept: [],
        metadata: {},
        segments: preview.segments,
      },
      [list.id],
    );
    assert.match(kept.text, /continuation of\n\nMost Recent Stories\n\nTokyo Steps Up/);

    const input = saveImportSchema.parse({
      ...preview.metadata,
      text: `${kept.text}\r\n\r\n\r\nEditor's note: checked.  `,
      rawInput: preview.rawInput,
    });
    const { article } = await saveImport(db.prisma, user, input);
    const saved = await db.prisma.article.findUniqueOrThrow({
      where: { id: article.id },
      include: { revisions: true },
    });
    assert.equal(saved.rawInput, raw);
    assert.equal(saved.title, 'Representatives of Syrian Opposition Meet in Astana');
    assert.equal(saved.byline, 'Malika Orazgaliyeva');
    assert.equal(saved.publishedAt?.toISOString(), '2015-10-06T00:00:00.000Z');
    assert.equal(saved.revisions[0]!.text, `${kept.text}\n\nEditor's note: checked.`);
  });

  it('finds the article again, exactly or nearly, and refuses to save it twice unless asked', async () => {
    const raw = fixture('astana-times-astana-2-talks-scraped.txt');
    const again = await previewImport(db.prisma, { kind: 'text', text: raw }, SETTINGS);
    assert.equal(again.libraryMatches.length, 1);
    assert.equal(again.libraryMatches[0]!.relation, 'near-duplicate');

    // The HTML source of the same page cleans to the same text: identical.
    const html = await previewImport(
      db.prisma,
      { kind: 'text', text: fixture('astana-times-page.html') },
      SETTINGS,
    );
    const input = saveImportSchema.parse({
      title: 'Once',
      text: html.text,
      rawInput: html.rawInput,
    });
    const first = await saveImport(db.prisma, user, { ...input, allowDuplicate: true });
    const matches = await findLibraryMatches(db.prisma, html.text);
    assert.deepEqual(
      matches.map((m) => [m.id === first.article.id, m.relation]),
      [
        [true, 'identical'],
        [false, 'near-duplicate'],
      ],
    );

    await assert.rejects(saveImport(db.prisma, user, input), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'duplicate_article');
      assert.match(error.message, /already has the same text: “Once”/);
      assert.equal((error.details!.matches as unknown[]).length, 2);
      return true;
    });
  });

  it('compares with the current revision of each article, not the first', async () => {
    const text =
      'A short note about the harbour budget that was approved on Monday by the council.';
    const article = await importArticle(db.prisma, user, { kind: 'text', text }, SETTINGS);
    await db.prisma.articleRevision.create({
      data: {
        articleId: article.article.id,
        number: 2,
        text: 'Entirely different words now stand in this revision of the article text.',
        sha256: 'x',
        createdById: user.id,
      },
    });
    assert.deepEqual(await findLibraryMatches(db.prisma, text), []);
  });

  it('imports in one go with a title from the first line when the input names none', async () => {
    const { article, format } = await importArticle(
      db.prisma,
      user,
      { kind: 'text', text: fixture('mfa-astana-2-talks.txt') },
      SETTINGS,
    );
    assert.equal(format, 'text');
    const saved = await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    assert.match(saved.title, /^Representatives of the Syrian opposition held a second round/);
    assert.ok(saved.title.length <= 120);
    assert.equal(saved.sourceName, 'MFA Government');
  });
});
