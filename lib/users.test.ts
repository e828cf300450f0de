import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameFromEmail, newUserSchema, userUpdateSchema } from './users';

describe('newUserSchema', () => {
  it('normalises the email to lower case without spaces', () => {
    const user = newUserSchema.parse({
      email: ' Ada@Example.ORG ',
      name: 'Ada',
      role: 'ADMIN',
      password: 'long enough, surely',
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

  it('judges the password strength only once every field passes', () => {
    const paths = (input: Record<string, string>) => {
      const result = newUserSchema.safeParse({ name: 'Ada', role: 'EDITOR', ...input });
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    };
    assert.deepEqual(paths({ email: 'nope', password: 'password1234' }), ['email']);
    assert.deepEqual(paths({ email: 'ada@example.org', password: 'password1234' }), ['password']);
    assert.deepEqual(paths({ email: 'nope', password: 'short' }), ['email', 'password']);
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

describe('password policy (issue #11)', () => {
  const refusal = (password: string, extra: Record<string, string> = {}) => {
    const result = newUserSchema.safeParse({
      email: 'malika.orazgaliyeva@astanatimes.example',
      name: 'Malika Orazgaliyeva',
      role: 'EDITOR',
      password,
      ...extra,
    });
    return result.success ? undefined : result.error.issues.find((i) => i.path[0] === 'password');
  };

  for (const weak of [
    '1234567890',
    'password12',
    ' '.repeat(10),
    'password1234',
    'qwertyuiop123',
    'aaaaaaaaaaaaaaaa',
  ]) {
    it(`refuses ${JSON.stringify(weak)} and says why`, () => {
      const issue = refusal(weak);
      assert.ok(issue, `accepted ${weak}`);
      assert.ok(issue.message.length > 10);
    });
  }

  it('refuses a password built on the account name', () => {
    assert.ok(refusal('orazgaliyeva2026'));
  });

  it('accepts long passphrases and the demo passwords', () => {
    for (const good of [
      'correct horse battery',
      'demo-editor-2026',
      'demo-admin-2026',
      'q8#Lm2!vR0pz',
    ]) {
      assert.equal(refusal(good), undefined, good);
    }
  });

  it('checks a new password on update too', () => {
    assert.equal(userUpdateSchema.safeParse({ password: 'password12' }).success, false);
    assert.equal(userUpdateSchema.safeParse({ disabled: true }).success, true);
  });
});
