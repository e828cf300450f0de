/**
 * Article text revisions: saving edited text as a new revision and re-anchoring every span of
 * the article on it (lib/anchoring). A span whose words are unchanged (EXACT, MOVED) is moved
 * to the new revision as bookkeeping: nothing anyone reviewed changed. A span whose words
 * changed (FUZZY) or that was lost (ORPHANED) is a change of its claim: an `anchorChanged`
 * event of lib/review applied by `applyClaimEvent`, attributed to whoever saved the revision,
 * which sends an approved claim back to review with a note.
 *
 * To record more of the re-anchoring in the claim history (e.g. a user confirming a candidate
 * place), add it as a span event in server/spans.ts.
 */
import {
  applyTextEdits,
  reanchor,
  summarizeAnchorStates,
  type ReanchorResult,
  type TextEdit,
} from '@/lib/anchoring';
import { anchorChanged, type Anchor } from '@/lib/review';
import { applyClaimEventIn, type Tx } from './claim-events';
import { requireAnnotator } from './claims';
import { recordReanchoring } from './reanchor-events';
import type { PrismaClient } from './platform/db';
import { AppError, notFound } from './platform/errors';
import type { SessionUser } from './users';

/** The article's current (highest-numbered) revision, or null: the one way to ask for it. */
export function latestRevision(db: Tx | PrismaClient, articleId: string) {
  return db.articleRevision.findFirst({ where: { articleId }, orderBy: { number: 'desc' } });
}

/**
 * Saves edited article text as a new revision and re-anchors every span of the article on it:
 * EXACT, MOVED, FUZZY (at or above the confidence floor) or ORPHANED (kept on its old
 * revision, listed for the user to confirm a place). With `edits` (the editor's, see
 * lib/anchoring/text-edits) positions are mapped through them rather than through a diff, so
 * spans land where the user saw them. 409 when `baseRevisionId` is not current, 400 when the
 * text is unchanged or the edits do not turn the base text into it.
 */
export async function reviseArticle(
  prisma: PrismaClient,
  user: SessionUser,
  articleId: string,
  input: RevisionInput,
  sha256: (text: string) => string,
) {
  requireAnnotator(user);
  return prisma.$transaction((tx) => reviseArticleIn(tx, user, articleId, input, sha256), {
    timeout: REVISION_TIMEOUT_MS,
  });
}

/** A new text for the article, written on `baseRevisionId`, with the editor's edits if any. */
export interface RevisionInput {
  baseRevisionId: string;
  text: string;
  edits?: TextEdit[];
}

/** How long a revision's transaction may take (re-anchoring thousands of spans). */
export const REVISION_TIMEOUT_MS = 60_000;

/** `reviseArticle` inside the caller's transaction (accepting a proposal marks it there too). */
export async function reviseArticleIn(
  tx: Tx,
  user: SessionUser,
  articleId: string,
  { baseRevisionId, text, edits }: RevisionInput,
  sha256: (text: string) => string,
) {
  requireAnnotator(user);
  // Serialise concurrent edits of one article: the second waits, then sees a stale base.
  // An update of the article row (so a NO KEY UPDATE lock, which the foreign key checks of
  // other writers' spans do not wait for): a span placed meanwhile takes a SHARE lock on
  // the article first (server/spans.ts, createClaimOnSpan), waits for this transaction, and
  // then sees the row changed and refuses the old text.
  await tx.$executeRaw`
    UPDATE "Article" SET "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${articleId}`;
  const base = await latestRevision(tx, articleId);
  if (!base) throw notFound('Article');
  if (base.id !== baseRevisionId) {
    throw new AppError('conflict', 'Someone else changed the text meanwhile: reload to see it.', {
      currentRevisionId: base.id,
    });
  }
  if (base.text === text) throw new AppError('bad_request', 'The text is unchanged.');
  if (edits && applyTextEdits(base.text, edits) !== text) {
    throw new AppError(
      'bad_request',
      'The edits sent do not turn the current text into the new one.',
    );
  }
  // Lock every claim with a span here first, in id order, before anything is written: a
  // claim event (a deletion cascading to its spans, a link whose insert updates the
  // article's search data) locks the claim first and then those rows, so taking them the
  // other way round could deadlock with it. The spans are read after the locks, so a claim
  // deleted meanwhile has none left to move. Each locked row is also written (unchanged):
  // its spans may move below without a claim event, and a review decision made on the
  // claim as read before must see that its row changed (server/claim-events.ts).
  await tx.$executeRaw`
    WITH locked AS (
      SELECT id FROM "Claim"
      WHERE id IN (SELECT "claimId" FROM "Annotation"
                   WHERE "articleId" = ${articleId} AND "revisionId" = ${base.id})
      ORDER BY id FOR UPDATE)
    UPDATE "Claim" c SET version = c.version FROM locked WHERE c.id = locked.id`;
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
    orderBy: { id: 'asc' },
  });
  const results = reanchor(base.text, text, annotations, { edits });
  // Every span's outcome goes into its claim's history (issue #12), whatever it was.
  await recordReanchoring(tx, {
    actorId: user.id,
    articleId,
    revision,
    spans: annotations,
    results,
  });
  const changed = new Map<string, Map<string, ReanchorResult>>();
  for (const [index, result] of results.entries()) {
    const annotation = annotations[index]!;
    const wordsKept = result.state !== 'ORPHANED' && result.anchor.exact === annotation.exact;
    if (wordsKept) {
      await tx.annotation.update({
        where: { id: annotation.id },
        data: {
          revisionId: revision.id,
          ...result.anchor,
          anchorState: result.state,
          anchorScore: result.state === 'FUZZY' ? result.score : null,
        },
      });
      continue;
    }
    const spans = changed.get(annotation.claimId) ?? new Map<string, ReanchorResult>();
    spans.set(annotation.id, result);
    changed.set(annotation.claimId, spans);
  }
  // Claims in id order, so two revisions of different articles cannot deadlock.
  for (const claimId of [...changed.keys()].sort()) {
    const spans = changed.get(claimId)!;
    await applyClaimEventIn(tx, {
      claimId,
      actor: user,
      seenVersion: null,
      event: (claim) =>
        anchorChanged(
          claim.anchors.map((a) => moved(a, spans.get(a.id ?? ''), revision.id)),
          describeChange(claim.anchors, spans, revision.number),
          user,
        ),
      effects: async (tx2) => {
        for (const [id, result] of spans) {
          await tx2.annotation.update({
            where: { id },
            data:
              result.state === 'ORPHANED'
                ? { anchorState: 'ORPHANED', anchorScore: null }
                : {
                    revisionId: revision.id,
                    ...result.anchor,
                    anchorState: result.state,
                    anchorScore: result.state === 'FUZZY' ? result.score : null,
                  },
          });
        }
      },
    });
  }
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
}

function moved(anchor: Anchor, result: ReanchorResult | undefined, revisionId: string): Anchor {
  if (!result) return anchor;
  if (result.state === 'ORPHANED') return { ...anchor, state: 'ORPHANED' };
  return {
    ...anchor,
    revisionId,
    start: result.anchor.start,
    end: result.anchor.end,
    exact: result.anchor.exact,
    state: result.state,
  };
}

function describeChange(
  anchors: readonly Anchor[],
  spans: Map<string, ReanchorResult>,
  number: number,
): string {
  const parts = anchors.flatMap((a) => {
    const result = spans.get(a.id ?? '');
    if (!result) return [];
    return result.state === 'ORPHANED'
      ? [`its passage “${a.exact}” was not found in revision ${number}`]
      : [`its passage now reads “${result.anchor.exact}” (was “${a.exact}”) in revision ${number}`];
  });
  return parts.join('; ');
}
