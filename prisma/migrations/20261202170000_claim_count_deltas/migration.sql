-- The library's claim counts without a hot row (issues #17 and #10).
--
-- Until now every span insert/delete and every review-state change ran search.count_claims,
-- which recounted all claims of the article and rewrote its one search.article_doc row: every
-- claim action in an article queued on that row lock until the acting transaction committed,
-- and its cost grew with the article's claims.
--
-- Now a claim action only appends signed deltas ("article X: one more SUBMITTED claim, one less
-- DRAFT") to search.claim_count_delta, a heap without indexes: no row is shared between
-- writers, nothing is read but the claim's own spans, O(1) per change. Readers fold the pending
-- deltas into search.article_claims (one row per article) before they read it
-- (search.fold_claim_counts(), one at a time by an advisory lock), so what a committed action
-- changed is in the next read.
--
-- A claim counts once per article however many spans it has there. That needs the claim's
-- spans in the article to be stable while a trigger looks at them: every span change happens
-- under its claim's row lock (the rulebook's applyClaimEvent, a new claim's own transaction, a
-- revision locking the claims of its article), so it is.

DROP TRIGGER search_annotation ON "Annotation";
DROP FUNCTION search.on_annotation();
DROP INDEX search.article_doc_open_idx;
ALTER TABLE search.article_doc
    DROP COLUMN "openClaims",
    DROP COLUMN "draftClaims",
    DROP COLUMN "submittedClaims",
    DROP COLUMN "changesRequestedClaims",
    DROP COLUMN "approvedClaims";

-- Folded counts: what the library filters and sorts on.
CREATE TABLE search.article_claims (
    "articleId" TEXT NOT NULL PRIMARY KEY REFERENCES "Article"("id") ON DELETE CASCADE,
    "draft" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "changesRequested" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "open" INTEGER GENERATED ALWAYS AS ("draft" + "submitted" + "changesRequested") STORED
);
CREATE INDEX article_claims_open_idx ON search.article_claims ("open" DESC, "articleId" DESC);

-- Pending changes, appended by the triggers below and emptied by search.fold_claim_counts().
CREATE TABLE search.claim_count_delta (
    "articleId" TEXT NOT NULL,
    "state" "ReviewState" NOT NULL,
    "delta" INTEGER NOT NULL
);

-- Folds every committed delta into search.article_claims. One fold at a time (a transaction
-- advisory lock), so two readers never update the same rows in different orders; a fold with
-- nothing pending costs a scan of an empty heap.
CREATE FUNCTION search.fold_claim_counts() RETURNS VOID LANGUAGE SQL AS $$
  SELECT pg_advisory_xact_lock(hashtext('search.fold_claim_counts'));
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
$$;

-- An article starts with no claims (its row is new, so no other writer can hold it).
CREATE FUNCTION search.on_article_claims() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.article_claims ("articleId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER search_article_claims AFTER INSERT ON "Article"
FOR EACH ROW EXECUTE FUNCTION search.on_article_claims();

-- Spans added or removed by one statement: a (claim, article) pair counts +1 when it has spans
-- after the statement and had none before, -1 the other way round. "Before" is what is there
-- now minus what the statement inserted, plus what it deleted (so a statement that inserts two
-- spans of one claim in one article counts it once). A claim being deleted is skipped: its
-- BEFORE DELETE trigger has taken it out already.
CREATE FUNCTION search.on_spans_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.claim_count_delta ("articleId", "state", "delta")
  SELECT p."articleId", c."reviewState", 1
  FROM (SELECT DISTINCT "articleId", "claimId" FROM inserted) p
  JOIN "Claim" c ON c."id" = p."claimId"
  WHERE NOT EXISTS (SELECT 1 FROM "Annotation" a
                    WHERE a."claimId" = p."claimId" AND a."articleId" = p."articleId"
                      AND a."id" NOT IN (SELECT i."id" FROM inserted i WHERE i."claimId" = p."claimId"));
  RETURN NULL;
END $$;
CREATE TRIGGER search_spans_inserted AFTER INSERT ON "Annotation"
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION search.on_spans_inserted();

CREATE FUNCTION search.on_spans_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.claim_count_delta ("articleId", "state", "delta")
  SELECT p."articleId", c."reviewState", -1
  FROM (SELECT DISTINCT "articleId", "claimId" FROM deleted) p
  JOIN "Claim" c ON c."id" = p."claimId"
  WHERE NOT EXISTS (SELECT 1 FROM "Annotation" a
                    WHERE a."claimId" = p."claimId" AND a."articleId" = p."articleId");
  RETURN NULL;
END $$;
CREATE TRIGGER search_spans_deleted AFTER DELETE ON "Annotation"
REFERENCING OLD TABLE AS deleted
FOR EACH STATEMENT EXECUTE FUNCTION search.on_spans_deleted();

-- A span moved to another claim or article (the app never does this; kept exact anyway).
CREATE FUNCTION search.on_span_moved() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."articleId", NEW."claimId") IS NOT DISTINCT FROM (OLD."articleId", OLD."claimId") THEN
    RETURN NULL;
  END IF;
  INSERT INTO search.claim_count_delta ("articleId", "state", "delta")
  SELECT OLD."articleId", c."reviewState", -1 FROM "Claim" c
  WHERE c."id" = OLD."claimId"
    AND NOT EXISTS (SELECT 1 FROM "Annotation" a
                    WHERE a."claimId" = OLD."claimId" AND a."articleId" = OLD."articleId");
  INSERT INTO search.claim_count_delta ("articleId", "state", "delta")
  SELECT NEW."articleId", c."reviewState", 1 FROM "Claim" c
  WHERE c."id" = NEW."claimId"
    AND NOT EXISTS (SELECT 1 FROM "Annotation" a
                    WHERE a."claimId" = NEW."claimId" AND a."articleId" = NEW."articleId"
                      AND a."id" <> NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER search_span_moved AFTER UPDATE OF "articleId", "claimId" ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION search.on_span_moved();

-- A review-state change moves the claim between columns in each article it has spans in.
CREATE FUNCTION search.on_claim_state() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.claim_count_delta ("articleId", "state", "delta")
  SELECT p."articleId", s.state, s.delta
  FROM (SELECT DISTINCT a."articleId" FROM "Annotation" a WHERE a."claimId" = NEW."id") p
  CROSS JOIN (VALUES (OLD."reviewState", -1), (NEW."reviewState", 1)) s(state, delta);
  RETURN NULL;
END $$;
CREATE TRIGGER search_claim_state AFTER UPDATE OF "reviewState" ON "Claim"
FOR EACH ROW WHEN (OLD."reviewState" IS DISTINCT FROM NEW."reviewState")
EXECUTE FUNCTION search.on_claim_state();

-- A deleted claim leaves every article it had spans in. BEFORE, while its spans are still
-- there (the cascade removes them after the row).
CREATE FUNCTION search.on_claim_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.claim_count_delta ("articleId", "state", "delta")
  SELECT DISTINCT a."articleId", OLD."reviewState", -1 FROM "Annotation" a WHERE a."claimId" = OLD."id";
  RETURN OLD;
END $$;
CREATE TRIGGER search_claim_deleted BEFORE DELETE ON "Claim"
FOR EACH ROW EXECUTE FUNCTION search.on_claim_deleted();

-- The claim-doc trigger no longer counts; it keeps the claim's search document only.
CREATE OR REPLACE FUNCTION search.on_claim() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."claimant" IS DISTINCT FROM OLD."claimant"
     OR NEW."rationale" IS DISTINCT FROM OLD."rationale" THEN
    INSERT INTO search.claim_doc ("claimId", "document", "claimant")
    VALUES (NEW."id", search.claim_document(NEW."id"), NEW."claimant")
    ON CONFLICT ("claimId") DO UPDATE SET "document" = EXCLUDED."document", "claimant" = EXCLUDED."claimant";
  END IF;
  RETURN NULL;
END $$;
DROP FUNCTION search.count_claims(TEXT);

-- Count what exists already.
INSERT INTO search.article_claims ("articleId", "draft", "submitted", "changesRequested", "approved")
SELECT ar."id",
       count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'DRAFT')::int,
       count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'SUBMITTED')::int,
       count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'CHANGES_REQUESTED')::int,
       count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'APPROVED')::int
FROM "Article" ar
LEFT JOIN "Annotation" a ON a."articleId" = ar."id"
LEFT JOIN "Claim" c ON c."id" = a."claimId"
GROUP BY ar."id";
