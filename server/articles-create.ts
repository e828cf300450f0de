/** Creating an article from text: revision 1 holds the text, the raw input is kept as given. */
import { sha256Hex } from '@/lib/text';
import { newArticleSchema, type NewArticle } from '@/lib/articles';
import type { Tx } from './claim-events';
import type { PrismaClient } from './platform/db';
import { forbidden } from './platform/errors';
import { canAnnotate } from '@/lib/permissions';
import type { SessionUser } from './users';

/** Creates an article (input validated here too, so scripts and tests can call it directly). */
export async function createArticle(prisma: PrismaClient, user: SessionUser, input: NewArticle) {
  return prisma.$transaction((tx) => createArticleIn(tx, user, input));
}

/** `createArticle` inside the caller's transaction (an import saves its watch with it). */
export async function createArticleIn(tx: Tx, user: SessionUser, input: NewArticle) {
  if (!canAnnotate(user.role)) throw forbidden('Your role cannot add articles.');
  const { text, rawInput, publishedAt, ...meta } = newArticleSchema.parse(input);
  const article = await tx.article.create({
    data: {
      ...meta,
      publishedAt: publishedAt ? new Date(publishedAt) : null,
      rawInput: rawInput ?? text,
      createdById: user.id,
      revisions: {
        create: {
          number: 1,
          text,
          sha256: sha256Hex(text),
          note: 'Created',
          createdById: user.id,
        },
      },
    },
    select: { id: true, title: true, revisions: { select: { id: true, number: true } } },
  });
  await tx.auditEvent.create({
    data: {
      actorId: user.id,
      action: 'article.create',
      entityType: 'Article',
      entityId: article.id,
      after: { ...meta, publishedAt, sha256: sha256Hex(text) },
    },
  });
  return { id: article.id, title: article.title, revision: article.revisions[0]! };
}
