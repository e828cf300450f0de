import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { addComment, getDiscussion } from '@/server/review';
import { claimParamsSchema, newCommentSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

type Ctx = { params: Promise<unknown> };

/** The claim's discussion: `{comments, decisions}`, oldest first. Any signed-in role. */
export const GET = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  return Response.json(await getDiscussion(db(), id));
});

/** Post to the claim's discussion; 201 `{comment}`. Any signed-in role. */
export const POST = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  const { body } = await parseBody(request, newCommentSchema);
  return Response.json({ comment: await addComment(db(), user, id, body) }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST');
