/** Library (filters, sort, keyset pages), global search and article details over HTTP. */
import { expect, test } from '@playwright/test';
import {
  TEST_PASSWORD,
  createArticleOverHttp,
  demo,
  signInOverHttp,
  joinedToday,
  uniqueEmail,
} from '../helpers';

type Segment = { text: string; match: boolean };
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);

// A tag no other test uses, so each run sees only its own articles.
const tag = () => `zq${Math.random().toString(36).slice(2, 10)}`;

test.beforeEach(async ({ request }) => {
  await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
});

test('search finds an article by a word of its body and marks it', async ({ request }) => {
  const word = tag();
  const article = await createArticleOverHttp(
    request,
    `Harbour report ${word.slice(0, 4)}`,
    `The port authority said that cargo volumes rose.\nInspectors found ${word} in the ledgers.`,
  );
  const response = await request.get(`/api/search?q=${word}`);
  expect(response.status()).toBe(200);
  const { articles } = await response.json();
  expect(articles.hits[0].id).toBe(article.id);
  expect(marked(articles.hits[0].excerpt)).toEqual([word]);
});

test('search finds claims by a misspelled claimant and by a rationale phrase', async ({
  request,
}) => {
  const word = tag();
  const text = `The minister said exports grew by 12 percent. ${word}`;
  const article = await createArticleOverHttp(request, `Exports ${word}`, text);
  const created = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 4, end: 12 },
      claim: {
        text: `Exports grew by 12 percent ${word}`,
        claimant: 'Bartholomew Quistlewaite',
        rationale: `Customs tables show a ${word} contraction in the second quarter.`,
      },
    },
  });
  expect(created.status()).toBe(201);
  const { claims } = await (await request.get('/api/search?q=Quistlewhite&type=claims')).json();
  const hit = claims.hits.find((h: { text: Segment[] }) =>
    h.text.some((s) => s.text.includes(word)),
  );
  expect(hit, 'found by a misspelled name').toBeTruthy();
  expect(marked(hit.claimant)).toEqual(['Bartholomew Quistlewaite']);

  const phrase = await (
    await request.get(`/api/search?q=${encodeURIComponent(`"${word} contraction"`)}&type=claims`)
  ).json();
  expect(phrase.claims.hits).toHaveLength(1);
  expect(marked(phrase.claims.hits[0].rationale)).toEqual([word, 'contraction']);
  expect(phrase.articles).toBeNull();
});

test('a submitted search matches whole words; typing=1 reads the last word as a prefix', async ({
  request,
}) => {
  const word = tag();
  const article = await createArticleOverHttp(
    request,
    `Ledger report ${word.slice(0, 4)}`,
    `Inspectors found ${word}ledger entries in the books.`,
  );
  const ids = async (query: string) =>
    (
      (await (await request.get(`/api/search?type=articles&${query}`)).json()).articles.hits as {
        id: string;
      }[]
    ).map((h) => h.id);
  expect(await ids(`q=${word}`)).not.toContain(article.id);
  expect(await ids(`q=${word}&typing=1`)).toContain(article.id);
  expect(await ids(`q=${word}ledger`)).toContain(article.id);
  const bad = await request.get(`/api/search?q=${word}&typing=maybe`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].path).toBe('typing');
});

test('search refuses an empty or overlong query with 400 naming the field', async ({ request }) => {
  for (const q of ['', '   ', 'x'.repeat(201)]) {
    const response = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues[0].path).toBe('q');
  }
});

test('people search refuses a bad query with 400 and never answers emails', async ({ request }) => {
  for (const query of ['q=', `q=${'x'.repeat(101)}`, 'q=ana&among=everyone']) {
    const response = await request.get(`/api/people?${query}`);
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues[0].path).toBe(query.includes('among') ? 'among' : 'q');
  }
  const reviewer = demo('REVIEWER');
  const found = await request.get(
    `/api/people?q=${encodeURIComponent(reviewer.name)}&among=reviewers`,
  );
  expect(found.status()).toBe(200);
  const { people } = (await found.json()) as { people: Record<string, string>[] };
  expect(people[0]).toEqual({ id: expect.any(String), name: reviewer.name });
});

test('people search tells two accounts with the same name apart, without emails', async ({
  request,
}) => {
  const name = `Sam ${tag()}`;
  await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
  const made: Record<string, string> = {};
  for (const role of ['EDITOR', 'REVIEWER'] as const) {
    const email = uniqueEmail('namesake');
    const response = await request.post('/api/users', {
      data: {
        email,
        name: role === 'EDITOR' ? name : name.toUpperCase(),
        role,
        password: TEST_PASSWORD,
      },
    });
    expect(response.status()).toBe(201);
    made[role] = ((await response.json()) as { user: { id: string } }).user.id;
  }
  const response = await request.get(`/api/people?q=${encodeURIComponent(name)}`);
  const { people } = (await response.json()) as { people: Record<string, string>[] };
  const joined = joinedToday();
  expect(people).toHaveLength(2);
  expect(people).toEqual(
    expect.arrayContaining([
      { id: made.EDITOR, name, detail: `Editor, joined ${joined}` },
      { id: made.REVIEWER, name: name.toUpperCase(), detail: `Reviewer, joined ${joined}` },
    ]),
  );
  expect(JSON.stringify(people)).not.toContain('@');
});

test('library: search, sort by title and keyset pages without repeats or gaps', async ({
  request,
}) => {
  const word = tag();
  const titles = ['Charlie', 'alpha', 'Bravo', 'delta', 'Echo'].map((t) => `${t} ${word}`);
  for (const title of titles) await createArticleOverHttp(request, title, `Body with ${word}.`);
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    // Later pages name only the cursor: it carries the order it was made in.
    const params = new URLSearchParams({ q: word, limit: '2' });
    if (after) params.set('after', after);
    else params.set('sort', 'title');
    const response = await request.get(`/api/articles?${params}`);
    expect(response.status()).toBe(200);
    const page = await response.json();
    expect(page.total).toBe(5);
    seen.push(...page.articles.map((a: { title: string }) => a.title));
    after = page.next;
    pages += 1;
  } while (after && pages < 10);
  expect(pages).toBe(3);
  expect(seen).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
});

test('library: filters by source, author, date range and review state; open-claims sort', async ({
  request,
}) => {
  const word = tag();
  const make = async (title: string, extra: Record<string, string>) => {
    const response = await request.post('/api/articles', {
      data: { title: `${title} ${word}`, text: `Text ${word} here.`, ...extra },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).article as { id: string; revision: { id: string } };
  };
  const old = await make('Old', { sourceName: `Wire ${word}`, publishedAt: '2020-03-01' });
  const mid = await make('Mid', {
    sourceName: `Wire ${word}`,
    publishedAt: '2022-06-15',
    byline: `Ana ${word}`,
  });
  const undated = await make('Undated', {});
  await request.post('/api/claims', {
    data: {
      span: { articleId: mid.id, revisionId: mid.revision.id, start: 0, end: 4 },
      claim: { text: 'A claim' },
    },
  });
  const list = async (params: Record<string, string>) => {
    const response = await request.get(
      `/api/articles?${new URLSearchParams({ q: word, ...params })}`,
    );
    expect(response.status()).toBe(200);
    return ((await response.json()).articles as { id: string }[]).map((a) => a.id);
  };
  expect(await list({ source: `Wire ${word}`, sort: 'published' })).toEqual([mid.id, old.id]);
  expect(await list({ author: `Ana ${word}` })).toEqual([mid.id]);
  expect(await list({ from: '2021-01-01', to: '2022-06-15' })).toEqual([mid.id]);
  expect(await list({ states: 'DRAFT' })).toEqual([mid.id]);
  expect(await list({ states: 'APPROVED' })).toEqual([]);
  expect(await list({ sort: 'published' })).toEqual([mid.id, old.id, undated.id]);
  expect((await list({ sort: 'open' }))[0]).toBe(mid.id);

  for (const [query, field] of [
    ['from=2022-01-02&to=2022-01-01', 'to'],
    ['sort=size', 'sort'],
    ['states=MAYBE', 'states'],
    // Dates the calendar or PostgreSQL does not have: 400 naming the field, never a 500.
    ['from=2024-02-30', 'from'],
    ['to=2023-02-29', 'to'],
    ['from=0000-01-01', 'from'],
    ['to=%2B010000-01-01', 'to'],
  ]) {
    const bad = await request.get(`/api/articles?${query}`);
    expect(bad.status(), query).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual([field]);
  }
  const forge = (cursor: { s: string; k: string; id: string }) =>
    Buffer.from(JSON.stringify(cursor)).toString('base64url');
  for (const after of [
    'not-a-cursor',
    forge({ s: 'imported', k: 'not a date', id: 'x' }),
    // The right shape, but no such day or hour.
    forge({ s: 'imported', k: '2024-13-45 00:00:00', id: 'x' }),
    forge({ s: 'published', k: '2023-02-29 00:00:00', id: 'x' }),
    forge({ s: 'imported', k: '2024-01-01 24:00:00', id: 'x' }),
    forge({ s: 'published', k: '0000-01-01 00:00:00', id: 'x' }),
  ]) {
    const badCursor = await request.get(`/api/articles?after=${after}`);
    expect(badCursor.status(), after).toBe(400);
    const { error } = await badCursor.json();
    expect(error.issues).toEqual([
      { path: 'after', message: 'This page link is not valid any more.' },
    ]);
  }
});

test('a new article with a published date the calendar does not have is refused with 400', async ({
  request,
}) => {
  for (const publishedAt of [
    '2024-02-30',
    '0000-01-01',
    '+010000-01-01',
    '2024-01-01T24:00:00Z',
    '0000-06-01T00:00:00.000Z',
  ]) {
    const response = await request.post('/api/articles', {
      data: { title: `Dated ${tag()}`, text: 'Some text.', publishedAt },
    });
    expect(response.status(), publishedAt).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['publishedAt']);
  }
  for (const [publishedAt, stored] of [
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2024-02-29T12:30:00+02:00', '2024-02-29T10:30:00.000Z'],
  ]) {
    const response = await request.post('/api/articles', {
      data: { title: `Dated ${tag()}`, text: 'Some text.', publishedAt },
    });
    expect(response.status(), publishedAt).toBe(201);
    const { article } = await response.json();
    const got = (await (await request.get(`/api/articles/${article.id}`)).json()).article;
    expect(got.publishedAt).toBe(stored);
  }
});

test('article details: validation errors name the fields and save nothing; a fix is saved', async ({
  request,
}) => {
  const article = await createArticleOverHttp(request, `Details ${tag()}`);
  const refused = await request.patch(`/api/articles/${article.id}`, {
    data: { title: '  ', sourceUrl: 'javascript:alert(1)', publishedAt: '2024-02-30' },
  });
  expect(refused.status()).toBe(400);
  const { error } = await refused.json();
  expect(error.code).toBe('validation_failed');
  expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
    'publishedAt',
    'sourceUrl',
    'title',
  ]);
  const unchanged = (await (await request.get(`/api/articles/${article.id}`)).json()).article;
  expect(unchanged.sourceUrl).toBeNull();
  for (const publishedAt of ['0000-01-01', '+010000-01-01', '2023-02-29']) {
    const badDate = await request.patch(`/api/articles/${article.id}`, { data: { publishedAt } });
    expect(badDate.status(), publishedAt).toBe(400);
    const { error } = await badDate.json();
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['publishedAt']);
  }

  const saved = await request.patch(`/api/articles/${article.id}`, {
    data: {
      title: 'Corrected title',
      sourceUrl: 'https://example.org/story',
      publishedAt: '2024-02-29',
      byline: '',
    },
  });
  expect(saved.status()).toBe(200);
  const after = (await (await request.get(`/api/articles/${article.id}`)).json()).article;
  expect(after.title).toBe('Corrected title');
  expect(after.sourceUrl).toBe('https://example.org/story');
  expect(after.publishedAt).toBe('2024-02-29T00:00:00.000Z');

  const missing = await request.patch('/api/articles/nope', { data: { title: 'x' } });
  expect(missing.status()).toBe(404);
});

test('signed out, search and the library answer 401', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get('/api/search?q=astana')).status()).toBe(401);
  expect((await anonymous.get('/api/people?q=ana')).status()).toBe(401);
  expect((await anonymous.patch('/api/articles/x', { data: { title: 'x' } })).status()).toBe(401);
  await anonymous.dispose();
});
