-- Library reads take the fold's lock only when there is something to fold (issue #17).
--
-- Every library read calls search.fold_claim_counts(), which took one advisory lock for all
-- readers: on a busy machine a reader holding it can be descheduled, and every other library
-- read queued behind it even with nothing to fold. It now looks for a committed delta first;
-- a delta committed after that look belongs to an action that finished after the read began,
-- so the read needs not see it. With deltas pending it folds as before, one fold at a time.
CREATE OR REPLACE FUNCTION search.fold_claim_counts() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search.claim_count_delta) THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('search.fold_claim_counts'));
  WITH gone AS (DELETE FROM search.claim_count_delta RETURNING *),
  sums AS (
    SELECT "articleId",
           coalesce(sum("delta") FILTER (WHERE "state" = 'DRAFT'), 0)::int AS draft,
           coalesce(sum("delta") FILTER (WHERE "state" = 'SUBMITTED'), 0)::int AS submitted,
           coalesce(sum("delta") FILTER (WHERE "state" = 'CHANGES_REQUESTED'), 0)::int AS changes,
           coalesce(sum("delta") FILTER (WHERE "state" = 'APPROVED'), 0)::int AS approved
    FROM gone GROUP BY "articleId"
  )
  UPDATE search.article_claims c SET
    "draft" = c."draft" + s.draft, "submitted" = c."submitted" + s.submitted,
    "changesRequested" = c."changesRequested" + s.changes, "approved" = c."approved" + s.approved
  FROM sums s
  WHERE c."articleId" = s."articleId" AND (s.draft, s.submitted, s.changes, s.approved) <> (0, 0, 0, 0);
END $$;
