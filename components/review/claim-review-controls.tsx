'use client';

import { useState } from 'react';
import type { Verdict } from '@/lib/domain';
import { missingFields, type MissingField } from '@/lib/review/validation';
import { ClaimEditForm, type EvidenceItem } from './claim-edit-form';
import { ReviewActions, type ReviewActionsProps } from './review-actions';
import reviewStyles from '@/components/review/review.module.css';

type Props = ReviewActionsProps & {
  verdict: Verdict;
  rationale: string;
  evidence: EvidenceItem[];
  /** The viewer may edit the claim: the edit form is offered below the buttons. */
  canEdit: boolean;
};

/**
 * The claim page's review buttons and the author's edit form together: a submit refused for
 * what the claim lacks (no verdict, rationale or evidence) opens the form on the first missing
 * field, each missing field with its reason beside it, so the fix is where focus lands.
 */
export function ClaimReviewControls({ verdict, rationale, evidence, canEdit, ...actions }: Props) {
  const sentBack = actions.reviewState === 'CHANGES_REQUESTED';
  const [editOpen, setEditOpen] = useState(sentBack);
  // A claim sent back shows its form open, also when it is sent back while the page is open.
  const [shownState, setShownState] = useState(actions.reviewState);
  if (shownState !== actions.reviewState) {
    setShownState(actions.reviewState);
    setEditOpen(sentBack);
  }
  const [missing, setMissing] = useState<MissingField[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);

  return (
    <>
      <ReviewActions
        {...actions}
        onSubmitRefused={(issues) => {
          const fields = missingFields(issues);
          if (!canEdit || fields.length === 0) return false;
          setMissing(fields);
          setEditOpen(true);
          setFocusRequest((n) => n + 1);
          return true;
        }}
      />
      {canEdit && (
        <details
          className={reviewStyles.editClaim}
          open={editOpen}
          onToggle={(event) => setEditOpen(event.currentTarget.open)}
        >
          <summary>Edit verdict, rationale and evidence</summary>
          <ClaimEditForm
            claimId={actions.claimId}
            version={actions.version}
            verdict={verdict}
            rationale={rationale}
            evidence={evidence}
            missing={missing}
            focusRequest={focusRequest}
            onSaved={() => setMissing([])}
          />
        </details>
      )}
    </>
  );
}
