/** What the article workspace relies on from the claims API (issue #16), over HTTP. */
import { expect, test } from '@playwright/test';
import type { ClaimCreatedDTO, SpanLinkedDTO } from '../../lib/api/types';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

const TEXT =
  'The minister said that exports grew by 12 percent last year.\nCritics said the figure ignores inflation.';

test.beforeEach(async ({ request }) => {
  await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
});

test('creating a claim answers with the span as saved, context included', async ({ request }) => {
  const article = await createArticleOverHttp(request, 'Contract article', TEXT);
  const start = TEXT.indexOf('exports grew');
  const end = start + 'exports grew by 12 percent'.length;
  const response = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start, end },
      claim: { text: 'Exports grew by 12%' },
    },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as ClaimCreatedDTO;
  expect(body.annotation).toMatchObject({
    claimId: body.claim.id,
    revisionId: article.revision.id,
    start,
    end,
    exact: 'exports grew by 12 percent',
    anchorState: 'EXACT',
  });
  expect(body.annotation.prefix).toContain('minister said that');
  expect(body.annotation.suffix).toContain('last year');
  expect(body.claim.appearances.map((a) => a.annotationId)).toEqual([body.annotation.id]);
  // The same span as the article page then loads it.
  const view = await (await request.get(`/api/articles/${article.id}/annotations`)).json();
  expect(view.annotations).toEqual([body.annotation]);
});

test('a passage already linked to a claim is refused with 409, and nothing is added', async ({
  request,
}) => {
  const article = await createArticleOverHttp(request, 'Link twice article', TEXT);
  const start = TEXT.indexOf('ignores inflation');
  const span = { articleId: article.id, revisionId: article.revision.id, start, end: start + 17 };
  const created = (await (
    await request.post('/api/claims', { data: { span, claim: { text: 'Ignores inflation' } } })
  ).json()) as ClaimCreatedDTO;

  for (const again of [span, { ...span, start: start - 4, end: start + 7 }]) {
    const response = await request.post(`/api/claims/${created.claim.id}/annotations`, {
      data: again,
    });
    expect(response.status()).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        code: 'already_linked',
        message: 'This passage is already linked to the claim (“ignores inflation”).',
      },
    });
  }
  // Another passage of the same text is fine, and comes back with its span.
  const other = TEXT.indexOf('exports grew');
  const linked = await request.post(`/api/claims/${created.claim.id}/annotations`, {
    data: { ...span, start: other, end: other + 12 },
  });
  expect(linked.status()).toBe(201);
  const body = (await linked.json()) as SpanLinkedDTO;
  expect(body.annotation?.exact).toBe('exports grew');
  expect(body.claim.appearances).toHaveLength(2);
});
