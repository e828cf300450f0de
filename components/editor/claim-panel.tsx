'use client';

/** One claim in the side panel: its form, and where it appears. */
import type { SpanSummaryDTO, ClaimDTO, WorkspaceUser } from '@/lib/api/types';
import { canDeleteClaim, canEditClaim } from '@/lib/review/permissions';
import { fromClaim, type ClaimDraft } from '@/lib/workspace/claim-draft';
import { Appearances } from './appearances';
import { ClaimForm } from './claim-form';
import { ClaimReview } from './claim-review';

function forPermissions(claim: ClaimDTO) {
  return { ...claim, lastEditedById: claim.lastEditedBy?.id ?? null, anchors: [] };
}

function permissionReason(permission: { allowed: boolean; reason?: string }): string | null {
  return permission.allowed ? null : (permission.reason ?? 'You cannot change this claim.');
}

export function ClaimPanel({
  claim,
  user,
  articleId,
  annotations,
  conflict,
  draft,
  error,
  onSave,
  onUseTheirs,
  onCancel,
  onDelete,
  onRemoveHighlight,
  onSubmit,
  onAnnounce,
}: {
  claim: ClaimDTO;
  user: WorkspaceUser;
  articleId: string;
  annotations: SpanSummaryDTO[];
  conflict: ClaimDTO | null;
  draft: ClaimDraft | null;
  error: string | null;
  onSave(draft: ClaimDraft, version: number): void;
  onUseTheirs(): void;
  onCancel(): void;
  onDelete(): void;
  onRemoveHighlight(annotationId: string): void;
  onSubmit(): Promise<boolean>;
  onAnnounce(message: string, tone?: 'success' | 'error'): void;
}) {
  return (
    <>
      <ClaimForm
        key={`edit-${claim.id}-${claim.version}-${conflict?.version ?? 0}`}
        heading="Edit claim"
        initial={draft ?? fromClaim(claim)}
        error={error}
        conflict={conflict}
        readOnlyReason={permissionReason(canEditClaim(user, forPermissions(claim)))}
        onSave={(values) => onSave(values, conflict?.version ?? claim.version)}
        onUseTheirs={onUseTheirs}
        onCancel={onCancel}
        onDelete={canDeleteClaim(user, forPermissions(claim)).allowed ? onDelete : undefined}
      />
      <ClaimReview claim={claim} user={user} onSubmit={onSubmit} onAnnounce={onAnnounce} />
      <Appearances
        claim={claim}
        articleId={articleId}
        annotations={annotations}
        onRemove={onRemoveHighlight}
      />
    </>
  );
}
