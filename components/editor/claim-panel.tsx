'use client';

/** One claim in the side panel: its form, and where it appears. */
import { useState } from 'react';
import type { SpanSummaryDTO, ClaimDTO, WorkspaceUser } from '@/lib/api/types';
import { canDeleteClaim, canEditClaim } from '@/lib/review/permissions';
import type { MissingField } from '@/lib/review/validation';
import { fromClaim, type ClaimDraft } from '@/lib/workspace/claim-draft';
import { Appearances } from './appearances';
import { ClaimForm } from './claim-form';
import { ClaimReview } from './claim-review';
import type { SubmitRefusal } from './use-workspace';

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
  /** Submits; a refusal naming what the claim lacks goes to `onMissing` (see submitClaim). */
  onSubmit(onMissing: (missing: MissingField[]) => boolean): Promise<SubmitRefusal | null>;
  onAnnounce(message: string, tone?: 'success' | 'error'): void;
}) {
  const edit = canEditClaim(user, forPermissions(claim));
  // What the last refused submit named, for the claim and version it refused: a save makes a
  // new version (and a new form), whose fields are not known to be missing.
  const [refusal, setRefusal] = useState<{
    claimId: string;
    version: number;
    missing: MissingField[];
    request: number;
  } | null>(null);
  const shown = refusal?.claimId === claim.id && refusal.version === claim.version ? refusal : null;
  const onMissing = (missing: MissingField[]) => {
    // Fields the user cannot change are no place to send them: the refusal then says it all.
    if (!edit.allowed) return false;
    setRefusal((r) => ({
      claimId: claim.id,
      version: claim.version,
      missing,
      request: (r?.request ?? 0) + 1,
    }));
    return true;
  };

  return (
    <>
      <ClaimForm
        key={`edit-${claim.id}-${claim.version}-${conflict?.version ?? 0}`}
        heading="Edit claim"
        initial={draft ?? fromClaim(claim)}
        error={error}
        conflict={conflict}
        readOnlyReason={permissionReason(edit)}
        onSave={(values) => onSave(values, conflict?.version ?? claim.version)}
        onUseTheirs={onUseTheirs}
        onCancel={onCancel}
        onDelete={canDeleteClaim(user, forPermissions(claim)).allowed ? onDelete : undefined}
        missing={shown?.missing}
        focusRequest={shown?.request}
      />
      <ClaimReview
        claim={claim}
        user={user}
        onSubmit={() => onSubmit(onMissing)}
        onAnnounce={onAnnounce}
      />
      <Appearances
        claim={claim}
        articleId={articleId}
        annotations={annotations}
        onRemove={onRemoveHighlight}
      />
    </>
  );
}
