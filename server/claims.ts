/**
 * Claims and their spans (annotations): queries and mutations. Every mutation checks the
 * actor's rights with lib/review's permission rules and writes its audit event in the same
 * transaction; claim updates are guarded by the claim's `version` (409 on a stale one).
 */
import {
  describeTextQuote,
  matchTextQuote,
  reanchor,
  summarizeAnchorStates,
} from '@/lib/anchoring';
import type { AnchorState } from '@/lib/domain';
import {
  newClaimSchema,
  type ClaimUpdate,
  type EvidenceInput,
  type NewClaim,
  type SpanInput,
} from '@/lib/claims';
import { canAnnotate } from '@/lib/permissions';
import {
  anchorChanged,
  canDeleteClaim,
  missingForSubmission,
  canEditClaim,
  transition,
  type ClaimForReview,
  type Permission,
} from '@/lib/review';
import { randomUUID } from 'node:crypto';
import type { Prisma } from './generated/prisma/client';
import { currentRevision } from './revision-text';
import type { PrismaClient } from './platform/db';
import { AppError, forbidden, notFound } from './platform/errors';
import type { SessionUser } from './users';

type Tx = Prisma.TransactionClient;

const claimInclude = {
  author: { select: { id: true, name: true } },
  lastEditedBy: { select: { id: true, name: true } },
  evidence: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, url: true, title: true, quote: true, accessedAt: true },
  },
  annotations: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      articleId: true,
      revisionId: true,
      start: true,
      end: true,
      exact: true,
      anchorState: true,
      article: { select: { title: true } },
    },
  },
} as const satisfies Prisma.ClaimInclude;

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

/** A span as the article page and the create/link responses show it. */
const annotationSelect = {
  id: true,
  claimId: true,
  revisionId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  anchorState: true,
  anchorScore: true,
  createdById: true,
} as const satisfies Prisma.AnnotationSelect;

/** A claim as the API and the editor show it, with every place it appears. */
export function toClaimView(claim: ClaimRow) {
  const { annotations, ...rest } = claim;
  return {
    ...rest,
    appearances: annotations.map((a) => ({
      annotationId: a.id,
      articleId: a.articleId,
      articleTitle: a.article.title,
      exact: a.exact,
      anchorState: a.anchorState,
    })),
  };
}
export type ClaimView = ReturnType<typeof toClaimView>;

function assertAllowed(permission: Permission) {
  if (!permission.allowed) throw forbidden(permission.reason);
}

function requireAnnotator(user: SessionUser) {
  if (!canAnnotate(user.role)) throw forbidden('Your role cannot annotate.');
}

function forReview(claim: {
  id: string;
  authorId: string;
  lastEditedById: string | null;
  reviewState: ClaimForReview['reviewState'];
  verdict: ClaimForReview['verdict'];
  rationale: string;
  version: number;
  evidence?: { url: string; title: string | null; quote: string | null }[];
  annotations?: { revisionId: string; start: number; end: number; exact: string }[];
}): ClaimForReview {
  return {
    id: claim.id,
    authorId: claim.authorId,
    lastEditedById: claim.lastEditedById,
    reviewState: claim.reviewState,
    verdict: claim.verdict,
    rationale: claim.rationale,
    version: claim.version,
    evidence: (claim.evidence ?? []).map(({ url, title, quote }) => ({ url, title, quote })),
    anchors: (claim.annotations ?? []).map(({ revisionId, start, end, exact }) => ({
      revisionId,
      start,
      end,
      exact,
    })),
  };
}

function evidenceData(evidence: EvidenceInput[], userId: string) {
  return evidence.map((e) => ({
    url: e.url,
    title: e.title,
    quote: e.quote,
    accessedAt: e.accessedAt ? new Date(e.accessedAt) : null,
    createdById: userId,
  }));
}

/**
 * Checks that the span lies on the article's current revision and describes it with W3C
 * selectors. 404 for an unknown article, 409 when the revision is no longer current (the text
 * was edited meanwhile), 400 for a range outside the text.
 */
async function describeSpan(db: Tx | PrismaClient, span: SpanInput) {
  const current = await currentRevision(db, span.articleId);
  if (!current) throw notFound('Article');
  if (current.id !== span.revisionId) {
    throw new AppError(
      'conflict',
      'The article text changed since you loaded it: reload and select again.',
      {
        currentRevisionId: current.id,
      },
    );
  }
  if (span.end > current.text.length) {
    throw new AppError('bad_request', 'The selection lies outside the article text.');
  }
  try {
    return describeTextQuote(current.text, { start: span.start, end: span.end });
  } catch (error) {
    throw new AppError('bad_request', `The selection cannot be used: ${(error as Error).message}`);
  }
}

/** Creates a claim with its first span. */
export async function createClaim(prisma: PrismaClient, user: SessionUser, raw: NewClaim) {
  return (await createClaimOnSpan(prisma, user, raw)).claim;
}

/** Creates a claim with its first span; returns both (the editor draws the span as saved). */
export async function createClaimOnSpan(prisma: PrismaClient, user: SessionUser, raw: NewClaim) {
  requireAnnotator(user);
  const input = newClaimSchema.parse(raw);
  const anchor = await describeSpan(prisma, input.span);
  const { evidence, ...fields } = input.claim;
  const id = randomUUID();
  const annotationId = randomUUID();
  // One batch transaction (claim, span, evidence and audit row), not an interactive one: the
  // fewest round trips while many editors save at once.
  const [claim] = await prisma.$transaction([
    prisma.claim.create({
      data: {
        id,
        ...fields,
        authorId: user.id,
        evidence: { create: evidenceData(evidence, user.id) },
        annotations: {
          create: {
            id: annotationId,
            articleId: input.span.articleId,
            revisionId: input.span.revisionId,
            ...anchor,
            createdById: user.id,
          },
        },
      },
      include: claimInclude,
    }),
    prisma.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'claim.create',
        entityType: 'Claim',
        entityId: id,
        after: { ...fields, evidence, annotation: { articleId: input.span.articleId, ...anchor } },
      },
    }),
  ]);
  // The span as just written (the row's columns and the anchor's context); no extra round trip.
  const row = claim.annotations.find((a) => a.id === annotationId)!;
  const annotation = {
    id: row.id,
    claimId: id,
    revisionId: row.revisionId,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    anchorState: row.anchorState,
    anchorScore: null,
    createdById: user.id,
  };
  return { claim: toClaimView(claim), annotation };
}

/** Attaches another span (in this or another article) to an existing claim. */
export async function linkSpan(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  span: SpanInput,
) {
  return (await linkSpanReturningIt(prisma, user, claimId, span)).claim;
}

/**
 * Attaches another span to an existing claim; returns the claim and the new span. 409
 * (`already_linked`) when the passage overlaps a span of this claim already on that text.
 */
export async function linkSpanReturningIt(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  span: SpanInput,
) {
  requireAnnotator(user);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
    if (!claim) throw notFound('Claim');
    const anchor = await describeSpan(tx, span);
    const existing = await tx.annotation.findFirst({
      where: {
        claimId,
        revisionId: span.revisionId,
        anchorState: { not: 'ORPHANED' },
        start: { lt: span.end },
        end: { gt: span.start },
      },
      select: { exact: true },
    });
    if (existing) {
      throw new AppError(
        'already_linked',
        `This passage is already linked to the claim (“${existing.exact}”).`,
      );
    }
    const annotation = await tx.annotation.create({
      data: {
        claimId,
        articleId: span.articleId,
        revisionId: span.revisionId,
        ...anchor,
        createdById: user.id,
      },
      select: annotationSelect,
    });
    // A span change is a change to the claim: the four-eyes rule must see who made it.
    await tx.claim.update({ where: { id: claimId }, data: { lastEditedById: user.id } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'annotation.create',
        entityType: 'Annotation',
        entityId: annotation.id,
        after: { claimId, articleId: span.articleId, ...anchor },
      },
    });
    const view = toClaimView(
      await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: claimInclude }),
    );
    return { claim: view, annotation };
  });
}

export async function getClaimOrThrow(prisma: PrismaClient, id: string) {
  const claim = await prisma.claim.findUnique({ where: { id }, include: claimInclude });
  if (!claim) throw notFound('Claim');
  return toClaimView(claim);
}

/** Claims whose text or claimant contains `query` (case-insensitive), newest first. */
export async function searchClaims(prisma: PrismaClient, query: string, limit = 20) {
  const claims = await prisma.claim.findMany({
    where: query
      ? {
          OR: [
            { text: { contains: query, mode: 'insensitive' } },
            { claimant: { contains: query, mode: 'insensitive' } },
          ],
        }
      : {},
    orderBy: { updatedAt: 'desc' },
    take: limit,
    include: claimInclude,
  });
  return claims.map(toClaimView);
}

/**
 * Updates a claim's fields. The caller names the version it read; when someone saved in
 * between, answers 409 with the current claim so the UI can show both versions.
 */
export async function updateClaim(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  update: ClaimUpdate,
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id }, include: claimInclude });
    if (!before) throw notFound('Claim');
    assertAllowed(canEditClaim(user, forReview(before)));
    if (before.version !== update.version) {
      throw new AppError('conflict', 'Someone else saved this claim after you opened it.', {
        current: toClaimView(before),
      });
    }
    const { version, evidence, ...fields } = update;
    // A claim under review or sent back must stay complete enough to be reviewed.
    if (before.reviewState === 'SUBMITTED') {
      const missing = missingForSubmission({
        verdict: fields.verdict ?? before.verdict,
        rationale: fields.rationale ?? before.rationale,
      });
      if (missing.length > 0) {
        throw new AppError('bad_request', `A submitted claim needs a ${missing.join(' and a ')}.`, {
          issues: missing.map((path) => ({
            path,
            message: 'Required while the claim is under review.',
          })),
        });
      }
    }
    const changed = await tx.claim.updateMany({
      where: { id, version },
      data: { ...fields, version: { increment: 1 }, lastEditedById: user.id },
    });
    if (changed.count === 0) {
      const current = await tx.claim.findUniqueOrThrow({ where: { id }, include: claimInclude });
      throw new AppError('conflict', 'Someone else saved this claim after you opened it.', {
        current: toClaimView(current),
      });
    }
    if (evidence) {
      await tx.evidence.deleteMany({ where: { claimId: id } });
      await tx.evidence.createMany({
        data: evidenceData(evidence, user.id).map((e) => ({ ...e, claimId: id })),
      });
    }
    const after = await tx.claim.findUniqueOrThrow({ where: { id }, include: claimInclude });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'claim.edit',
        entityType: 'Claim',
        entityId: id,
        before: pickClaimFields(before),
        after: pickClaimFields(after),
      },
    });
    return toClaimView(after);
  });
}

function pickClaimFields(claim: ClaimRow) {
  return {
    text: claim.text,
    claimant: claim.claimant,
    verdict: claim.verdict,
    rationale: claim.rationale,
    reviewState: claim.reviewState,
    version: claim.version,
    evidence: claim.evidence.map(({ url, title, quote, accessedAt }) => ({
      url,
      title,
      quote,
      accessedAt,
    })),
  };
}

/** Deletes a claim and all its spans; the audit keeps its last content. */
export async function deleteClaim(prisma: PrismaClient, user: SessionUser, id: string) {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id }, include: claimInclude });
    if (!claim) throw notFound('Claim');
    assertAllowed(canDeleteClaim(user, forReview(claim)));
    await tx.claim.delete({ where: { id } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'claim.delete',
        entityType: 'Claim',
        entityId: id,
        before: { ...pickClaimFields(claim), appearances: toClaimView(claim).appearances },
      },
    });
  });
}

async function loadAnnotationOrThrow(tx: Tx, id: string) {
  const annotation = await tx.annotation.findUnique({
    where: { id },
    include: { claim: { include: { evidence: true, annotations: true } } },
  });
  if (!annotation) throw notFound('Annotation');
  return annotation;
}

/** Removes one span from its claim (the claim stays). Its creator, the claim's author or an admin. */
export async function deleteAnnotation(prisma: PrismaClient, user: SessionUser, id: string) {
  return prisma.$transaction(async (tx) => {
    const annotation = await loadAnnotationOrThrow(tx, id);
    if (annotation.claim.reviewState === 'APPROVED') throw forbidden('Approved claims are locked.');
    if (
      ![annotation.createdById, annotation.claim.authorId].includes(user.id) &&
      user.role !== 'ADMIN'
    ) {
      throw forbidden('Only who made this highlight, the claim author or an admin can remove it.');
    }
    await tx.annotation.delete({ where: { id } });
    await tx.claim.update({ where: { id: annotation.claimId }, data: { lastEditedById: user.id } });
    const { claim: _, ...before } = annotation;
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'annotation.delete',
        entityType: 'Annotation',
        entityId: id,
        before,
      },
    });
  });
}

/**
 * Re-attaches an orphaned (or any) span to a place on the article's current revision that the
 * user chose: a ranked candidate or a new selection.
 */
export async function reattachAnnotation(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  span: SpanInput,
) {
  requireAnnotator(user);
  return prisma.$transaction(async (tx) => {
    const annotation = await loadAnnotationOrThrow(tx, id);
    if (annotation.articleId !== span.articleId)
      throw new AppError('bad_request', 'A span stays in its article.');
    const anchor = await describeSpan(tx, span);
    const updated = await tx.annotation.update({
      where: { id },
      data: { revisionId: span.revisionId, ...anchor, anchorState: 'EXACT', anchorScore: null },
    });
    await tx.claim.update({ where: { id: annotation.claimId }, data: { lastEditedById: user.id } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'annotation.reattach',
        entityType: 'Annotation',
        entityId: id,
        before: { claimId: annotation.claimId, ...pickAnchor(annotation) },
        after: { claimId: annotation.claimId, ...pickAnchor(updated) },
      },
    });
    return updated;
  });
}

function pickAnchor(a: {
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  anchorState: AnchorState;
}) {
  return {
    revisionId: a.revisionId,
    start: a.start,
    end: a.end,
    exact: a.exact,
    anchorState: a.anchorState,
  };
}

/**
 * Everything the article page needs: the current revision, its placed spans in text order,
 * the orphaned spans with ranked candidate places on the current text, and their claims.
 */
export async function getArticleAnnotations(prisma: PrismaClient, articleId: string) {
  const revision = await prisma.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, text: true, sha256: true },
  });
  if (!revision) throw notFound('Article');
  const annotations = await prisma.annotation.findMany({
    where: { articleId },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    select: annotationSelect,
  });
  const claimIds = [...new Set(annotations.map((a) => a.claimId))];
  const claims = await prisma.claim.findMany({
    where: { id: { in: claimIds } },
    include: claimInclude,
  });
  const placed = annotations.filter(
    (a) => a.anchorState !== 'ORPHANED' && a.revisionId === revision.id,
  );
  const orphans = annotations
    .filter((a) => a.anchorState === 'ORPHANED' || a.revisionId !== revision.id)
    .map((a) => ({
      ...a,
      candidates: matchTextQuote(revision.text, a, {
        hint: a.start,
        maxCandidates: 3,
        minScore: 0,
      }).map((m) => ({
        start: m.start,
        end: m.end,
        score: m.score,
        text: revision.text.slice(m.start, m.end),
      })),
    }));
  return { revision, annotations: placed, orphans, claims: claims.map(toClaimView) };
}

/**
 * Saves edited article text as a new revision and re-anchors every span of the article on it:
 * EXACT, MOVED, FUZZY (at or above the confidence floor) or ORPHANED (kept on its old
 * revision, listed for the user to confirm a place). An approved claim whose span moved or
 * changed goes back to SUBMITTED with a note. 409 when `baseRevisionId` is not current.
 */
export async function reviseArticle(
  prisma: PrismaClient,
  user: SessionUser,
  articleId: string,
  { baseRevisionId, text }: { baseRevisionId: string; text: string },
  sha256: (text: string) => string,
) {
  requireAnnotator(user);
  return prisma.$transaction(
    async (tx) => {
      // Serialise concurrent edits of one article: the second waits, then sees a stale base.
      await tx.$executeRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
      const base = await tx.articleRevision.findFirst({
        where: { articleId },
        orderBy: { number: 'desc' },
      });
      if (!base) throw notFound('Article');
      if (base.id !== baseRevisionId) {
        throw new AppError(
          'conflict',
          'Someone else changed the text meanwhile: reload to see it.',
          {
            currentRevisionId: base.id,
          },
        );
      }
      if (base.text === text) throw new AppError('bad_request', 'The text is unchanged.');
      const revision = await tx.articleRevision.create({
        data: {
          articleId,
          number: base.number + 1,
          text,
          sha256: sha256(text),
          note: 'Edited text',
          createdById: user.id,
        },
      });
      const annotations = await tx.annotation.findMany({
        where: { articleId, revisionId: base.id },
        include: { claim: { include: { evidence: true, annotations: true } } },
      });
      const results = reanchor(base.text, text, annotations);
      const changedClaims = new Map<string, string>();
      for (const [index, result] of results.entries()) {
        const annotation = annotations[index]!;
        if (result.state === 'ORPHANED') {
          await tx.annotation.update({
            where: { id: annotation.id },
            data: { anchorState: 'ORPHANED', anchorScore: null },
          });
          changedClaims.set(
            annotation.claimId,
            `its quote “${annotation.exact}” was not found in revision ${revision.number}`,
          );
          continue;
        }
        await tx.annotation.update({
          where: { id: annotation.id },
          data: {
            revisionId: revision.id,
            ...result.anchor,
            anchorState: result.state,
            anchorScore: result.state === 'FUZZY' ? result.score : null,
          },
        });
        if (result.anchor.exact !== annotation.exact) {
          changedClaims.set(annotation.claimId, `its quote changed in revision ${revision.number}`);
        } else if (result.anchor.start !== annotation.start) {
          changedClaims.set(annotation.claimId, `its span moved in revision ${revision.number}`);
        }
      }
      await voidApprovals(tx, annotations, changedClaims);
      const summary = summarizeAnchorStates(results);
      await tx.auditEvent.create({
        data: {
          actorId: user.id,
          action: 'article.revise',
          entityType: 'Article',
          entityId: articleId,
          before: { revisionId: base.id, number: base.number, sha256: base.sha256 },
          after: {
            revisionId: revision.id,
            number: revision.number,
            sha256: revision.sha256,
            anchors: summary,
          },
        },
      });
      return { revision: { id: revision.id, number: revision.number }, summary };
    },
    { timeout: 60_000 },
  );
}

/** Approved claims whose anchored text changed return to SUBMITTED (lib/review decides). */
async function voidApprovals(
  tx: Tx,
  annotations: {
    claimId: string;
    claim: Parameters<typeof forReview>[0] & { reviewState: string };
  }[],
  reasons: Map<string, string>,
) {
  const seen = new Set<string>();
  for (const { claim } of annotations) {
    if (seen.has(claim.id) || claim.reviewState !== 'APPROVED' || !reasons.has(claim.id)) continue;
    seen.add(claim.id);
    const fresh = await tx.claim.findUniqueOrThrow({
      where: { id: claim.id },
      include: { evidence: true, annotations: true },
    });
    const reason = `Back to review: ${reasons.get(claim.id)}.`;
    // The claim as approved (spans loaded before the re-anchoring) against its spans now.
    const result = transition(forReview(claim), anchorChanged(forReview(fresh).anchors, reason));
    if (!result.ok) continue;
    await tx.claim.update({
      where: { id: claim.id },
      data: { reviewState: result.next.reviewState, version: { increment: 1 } },
    });
    await tx.auditEvent.create({
      data: {
        action: result.audit.action,
        entityType: 'Claim',
        entityId: claim.id,
        before: { reviewState: claim.reviewState },
        after: { reviewState: result.next.reviewState, note: result.note ?? reason },
      },
    });
  }
}
