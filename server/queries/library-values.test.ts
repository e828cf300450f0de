import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../articles-create';
import { updateArticleDetails } from '../articles-edit';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import { createUser, type SessionUser } from '../users';
import { findLibraryValues } from './library';

describe("the library's Source and Author filters (distinct values kept by the database)", () => {
  let db: TestDatabase;
  let editor: SessionUser;

  before(async () => {
    db = await createTestDatabase('library_values');
    const user = await createUser(
      db.prisma,
      { email: 'ed@values.test', name: 'Ed', role: 'EDITOR', password: 'long enough pw' },
      null,
    );
    editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  });
  after(() => db.drop());

  const article = (sourceName: string | null, byline: string | null) =>
    createArticle(db.prisma, editor, { title: 'T', text: 'Some text.', sourceName, byline });

  it('lists the values containing the text, those that start with it first, with counts', async () => {
    await article('Caspian Herald', 'Dana Quillfeather');
    await article('Caspian Herald', 'Dana Quillfeather');
    await article('The Herald of Aktau', 'Omar Quillfeather');
    await article('Steppe Weekly', null);
    assert.deepEqual(await findLibraryValues(db.prisma, { field: 'source', q: 'herald' }), [
      { value: 'Caspian Herald', count: 2 },
      { value: 'The Herald of Aktau', count: 1 },
    ]);
    assert.deepEqual(await findLibraryValues(db.prisma, { field: 'source', q: 'the her' }), [
      { value: 'The Herald of Aktau', count: 1 },
    ]);
    // A misspelled name still finds the author; `%` is a character, not a wildcard.
    assert.deepEqual(
      (await findLibraryValues(db.prisma, { field: 'author', q: 'Quilfeather' })).map(
        (v) => v.value,
      ),
      ['Dana Quillfeather', 'Omar Quillfeather'],
    );
    assert.deepEqual(await findLibraryValues(db.prisma, { field: 'author', q: '%' }), []);
  });

  it('follows corrected details and drops a value no article has any more', async () => {
    const moved = await article('Aral Courier', 'Lena Vostrikova');
    await updateArticleDetails(db.prisma, editor, moved.id, {
      sourceName: 'Aral Courier Online',
      byline: '',
    });
    assert.deepEqual(await findLibraryValues(db.prisma, { field: 'source', q: 'aral' }), [
      { value: 'Aral Courier Online', count: 1 },
    ]);
    assert.deepEqual(await findLibraryValues(db.prisma, { field: 'author', q: 'Vostrikova' }), []);
  });
});
