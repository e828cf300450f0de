import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesakeDetail, personLabel } from './people';

test('a namesake is told apart by role and the UTC day the account was made', () => {
  assert.equal(
    namesakeDetail('REVIEWER', new Date('2026-03-03T23:30:00Z')),
    'Reviewer, joined 3 Mar 2026',
  );
  assert.equal(
    namesakeDetail('EDITOR', new Date('2026-12-01T00:00:00Z')),
    'Editor, joined 1 Dec 2026',
  );
});

test('a person is labelled by name alone unless the name is shared', () => {
  assert.equal(personLabel({ id: 'a', name: 'Ana Petrova' }), 'Ana Petrova');
  assert.equal(
    personLabel({ id: 'b', name: 'Ana Petrova', detail: 'Admin, joined 3 Mar 2026' }),
    'Ana Petrova (Admin, joined 3 Mar 2026)',
  );
});
