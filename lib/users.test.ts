import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameFromEmail, newUserSchema, userUpdateSchema } from './users';

describe('newUserSchema', () => {
  it('normalises the email to lower case without spaces', () => {
    const user = newUserSchema.parse({
      email: ' Ada@Example.ORG ',
      name: 'Ada',
      role: 'ADMIN',
      password: 'long enough!',
    });
    assert.equal(user.email, 'ada@example.org');
  });

  it('names every bad field', () => {
    const result = newUserSchema.safeParse({
      email: 'nope',
      name: '',
      role: 'BOSS',
      password: 'short',
    });
    assert.equal(result.success, false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.')).sort();
    assert.deepEqual(paths, ['email', 'name', 'password', 'role']);
  });
});

describe('userUpdateSchema', () => {
  it('needs at least one change and refuses unknown fields', () => {
    assert.equal(userUpdateSchema.safeParse({}).success, false);
    assert.equal(userUpdateSchema.safeParse({ role: 'EDITOR', email: 'x@y.z' }).success, false);
    assert.equal(userUpdateSchema.safeParse({ role: 'REVIEWER' }).success, true);
  });
});

describe('nameFromEmail', () => {
  it('turns the local part into a display name', () => {
    assert.equal(nameFromEmail('malika.orazgaliyeva@astanatimes.example'), 'Malika Orazgaliyeva');
  });
});
