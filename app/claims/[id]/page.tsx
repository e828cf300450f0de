import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { REVIEW_STATE_LABELS } from '@/lib/domain';
import { canReview } from '@/lib/permissions';
import { CommentForm } from '@/components/review/comment-form';
import { DiscussionThread } from '@/components/review/discussion-thread';
import { formatAge, formatWhen } from '@/components/review/format';
import { HistoryList } from '@/components/review/history-list';
import { ClaimReviewControls } from '@/components/review/claim-review-controls';
import { AnchorHealth } from '@/components/review/anchor-health';
import { SpanInContext } from '@/components/review/span-context';
import { EvidenceProof } from '@/components/evidence/evidence-proof';
import { SourceAlerts } from '@/components/evidence/source-alerts';
import { listOpenAlerts, quoteProof } from '@/server/evidence/service';
import { evidenceSettings } from '@/server/evidence/settings';
import { db } from '@/server/platform/db';
import { AppError } from '@/server/platform/errors';
import { getClaimReviewPage } from '@/server/queries/claim-page';
import { getUser, requirePageUser } from '@/server/platform/session';
import type { SessionUser } from '@/server/users';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';
import { VerdictChip } from '@/components/verdict/verdict-chip';

type Props = { params: Promise<{ id: string }> };

/** Loaded once per request, shared by the metadata and the page. */
const loadClaim = cache(async (viewer: SessionUser, id: string) => {
  try {
    return await getClaimReviewPage(db(), viewer, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await getUser();
  if (!user) return { title: 'Sign in' };
  return { title: `Claim: ${(await loadClaim(user, id)).card.text}` };
}

/**
 * One claim for review: where it appears (the sentence around each span), verdict, rationale,
 * evidence, the review actions the viewer may take, the discussion and the full history.
 */
export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/claims/${id}`);
  const { card, approval, approvalHolds, comments, decisions, history } = await loadClaim(user, id);
  const now = new Date();
  // Issue #15: each archived quote in its stored copy, and the open "source changed" flags.
  const dir = evidenceSettings().dir;
  const [alerts, proofs] = await Promise.all([
    listOpenAlerts(db(), card.id),
    Promise.all(
      card.evidence.map((e) =>
        e.captureId ? quoteProof(db(), dir, e.id).catch(() => null) : Promise.resolve(null),
      ),
    ),
  ]);
  return (
    <div className={reviewStyles.claimPage}>
      <p className={ui.muted}>
        <Link href={canReview(user.role) ? '/review' : '/my-claims'}>
          {canReview(user.role) ? '← Review queue' : '← My claims'}
        </Link>
      </p>
      <h1>{card.text}</h1>
      <p className={reviewStyles.claimMeta}>
        <span className={`${ui.chip} ${ui[card.reviewState]}`} aria-label="Review state">
          {REVIEW_STATE_LABELS[card.reviewState]}
        </span>{' '}
        {card.claimant && <>Claimed by {card.claimant} · </>}
        Written by {card.author.name}, {formatAge(card.createdAt, now)} ago
        {card.lastEditedBy && <> · last edited by {card.lastEditedBy.name}</>} · version{' '}
        {card.version}
      </p>

      <section className={ui.panel} aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">Verdict</h2>
        <p className="verdict-line">
          <VerdictChip verdict={card.verdict} />
        </p>
        <h3>Rationale</h3>
        {card.rationale.trim() ? (
          <p className={reviewStyles.rationale}>{card.rationale}</p>
        ) : (
          <p className={ui.muted}>No rationale yet.</p>
        )}
        <h3>Evidence</h3>
        <SourceAlerts alerts={alerts} />
        {card.evidence.length === 0 ? (
          <p className={ui.muted}>No evidence yet.</p>
        ) : (
          <ul className={reviewStyles.evidence}>
            {card.evidence.map((e, index) => (
              <li key={e.id}>
                <a href={e.url} rel="noreferrer noopener" target="_blank">
                  {e.title ?? e.url}
                </a>
                {proofs[index]?.passage ? (
                  <EvidenceProof proof={proofs[index]} />
                ) : (
                  <>
                    {e.quote && <blockquote>{e.quote}</blockquote>}
                    {proofs[index] && <EvidenceProof proof={proofs[index]} />}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={ui.panel} aria-labelledby="spans-heading">
        <h2 id="spans-heading">Where it appears</h2>
        {card.appearances.length === 0 ? (
          <p className={ui.muted}>Not attached to any text.</p>
        ) : (
          <ul className={reviewStyles.appearances}>
            {card.appearances.map((a) => (
              <li key={a.annotationId}>
                <Link href={`/articles/${a.articleId}`}>{a.articleTitle}</Link>
                {a.anchorState !== 'EXACT' && (
                  <span className={ui.chip}> {a.anchorState.toLowerCase()}</span>
                )}
                <SpanInContext context={a.context} />
                <AnchorHealth passage={a} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={ui.panel} aria-labelledby="review-heading">
        <h2 id="review-heading">Review</h2>
        {approval && (
          <p className={`${ui.alert} ${approvalHolds ? ui.success : ui.error}`}>
            Approved by {approval.reviewer.name} on {formatWhen(approval.createdAt)}.
            {!approvalHolds &&
              ' What was approved has changed since (the approval hash no longer matches).'}
          </p>
        )}
        <ClaimReviewControls
          claimId={card.id}
          version={card.version}
          reviewState={card.reviewState}
          changedSpans={card.changedSpans}
          can={card.can}
          isReviewer={canReview(user.role)}
          verdict={card.verdict}
          rationale={card.rationale}
          evidence={card.evidence}
          canEdit={card.can.edit.allowed}
        />
        {!card.can.edit.allowed && card.can.edit.rule === 'locked' && (
          <p className={ui.muted}>
            Approved claims are locked: nobody can change it until a reviewer or an admin reopens
            it.
          </p>
        )}
      </section>

      <section className={ui.panel} aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">Discussion</h2>
        <DiscussionThread comments={comments} decisions={decisions} />
        <CommentForm claimId={card.id} />
      </section>

      <section className={ui.panel} aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <HistoryList history={history} />
      </section>
    </div>
  );
}
