-- Full-text search and the library's per-article claim counts (issue #17).
--
-- Everything here lives in its own schema, "search", outside Prisma's models: the tables are
-- derived data that triggers on the public tables keep in sync, so no application code writes
-- them and no code path can forget to. Prisma manages only "public", so it never sees (or
-- tries to drop) these objects.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SCHEMA search;

-- One row per article: what the library filters and sorts on, and what search matches.
CREATE TABLE search.article_doc (
    "articleId" TEXT NOT NULL PRIMARY KEY REFERENCES "Article"("id") ON DELETE CASCADE,
    -- title (weight A), byline and source name (weight B)
    "meta" TSVECTOR NOT NULL,
    -- the current revision's text (weight C)
    "body" TSVECTOR NOT NULL DEFAULT ''::tsvector,
    "revisionId" TEXT,
    "byline" TEXT,
    "draftClaims" INTEGER NOT NULL DEFAULT 0,
    "submittedClaims" INTEGER NOT NULL DEFAULT 0,
    "changesRequestedClaims" INTEGER NOT NULL DEFAULT 0,
    "approvedClaims" INTEGER NOT NULL DEFAULT 0,
    "openClaims" INTEGER GENERATED ALWAYS AS ("draftClaims" + "submittedClaims" + "changesRequestedClaims") STORED
);
CREATE INDEX article_doc_meta_idx ON search.article_doc USING GIN ("meta");
CREATE INDEX article_doc_body_idx ON search.article_doc USING GIN ("body");
CREATE INDEX article_doc_byline_trgm_idx ON search.article_doc USING GIN ("byline" gin_trgm_ops);
CREATE INDEX article_doc_open_idx ON search.article_doc ("openClaims" DESC, "articleId" DESC);

-- One row per claim: its text and claimant (A), rationale (B) and evidence (C).
CREATE TABLE search.claim_doc (
    "claimId" TEXT NOT NULL PRIMARY KEY REFERENCES "Claim"("id") ON DELETE CASCADE,
    "document" TSVECTOR NOT NULL,
    "claimant" TEXT
);
CREATE INDEX claim_doc_document_idx ON search.claim_doc USING GIN ("document");
CREATE INDEX claim_doc_claimant_trgm_idx ON search.claim_doc USING GIN ("claimant" gin_trgm_ops);

CREATE FUNCTION search.article_meta(title TEXT, byline TEXT, source TEXT) RETURNS TSVECTOR
LANGUAGE SQL IMMUTABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', coalesce(byline, '') || ' ' || coalesce(source, '')), 'B')
$$;

CREATE FUNCTION search.on_article() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.article_doc ("articleId", "meta", "byline")
  VALUES (NEW."id", search.article_meta(NEW."title", NEW."byline", NEW."sourceName"), NEW."byline")
  ON CONFLICT ("articleId") DO UPDATE SET "meta" = EXCLUDED."meta", "byline" = EXCLUDED."byline";
  RETURN NULL;
END $$;
CREATE TRIGGER search_article AFTER INSERT OR UPDATE OF "title", "byline", "sourceName" ON "Article"
FOR EACH ROW EXECUTE FUNCTION search.on_article();

-- The body follows the highest revision number (the current text).
CREATE FUNCTION search.on_revision() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ArticleRevision" r
                 WHERE r."articleId" = NEW."articleId" AND r."number" > NEW."number") THEN
    UPDATE search.article_doc
       SET "body" = setweight(to_tsvector('english', NEW."text"), 'C'), "revisionId" = NEW."id"
     WHERE "articleId" = NEW."articleId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_revision AFTER INSERT ON "ArticleRevision"
FOR EACH ROW EXECUTE FUNCTION search.on_revision();

-- Claim counts by review state; a claim with several spans in one article counts once.
CREATE FUNCTION search.count_claims(article TEXT) RETURNS VOID LANGUAGE SQL AS $$
  UPDATE search.article_doc d SET
    "draftClaims" = s.draft, "submittedClaims" = s.submitted,
    "changesRequestedClaims" = s.changes, "approvedClaims" = s.approved
  FROM (
    SELECT count(*) FILTER (WHERE c."reviewState" = 'DRAFT')::int AS draft,
           count(*) FILTER (WHERE c."reviewState" = 'SUBMITTED')::int AS submitted,
           count(*) FILTER (WHERE c."reviewState" = 'CHANGES_REQUESTED')::int AS changes,
           count(*) FILTER (WHERE c."reviewState" = 'APPROVED')::int AS approved
    FROM "Claim" c
    WHERE c."id" IN (SELECT a."claimId" FROM "Annotation" a WHERE a."articleId" = article)
  ) s
  WHERE d."articleId" = article
$$;

CREATE FUNCTION search.on_annotation() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM search.count_claims(OLD."articleId"); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND (TG_OP = 'INSERT' OR NEW."articleId" IS DISTINCT FROM OLD."articleId"
      OR NEW."claimId" IS DISTINCT FROM OLD."claimId") THEN
    PERFORM search.count_claims(NEW."articleId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_annotation AFTER INSERT OR DELETE OR UPDATE OF "articleId", "claimId" ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION search.on_annotation();

CREATE FUNCTION search.claim_document(claim TEXT) RETURNS TSVECTOR LANGUAGE SQL STABLE AS $$
  SELECT setweight(to_tsvector('english', c."text" || ' ' || coalesce(c."claimant", '')), 'A')
      || setweight(to_tsvector('english', c."rationale"), 'B')
      || coalesce((SELECT setweight(to_tsvector('english', string_agg(
             coalesce(e."title", '') || ' ' || coalesce(e."quote", '') || ' ' || e."url", ' ')), 'C')
           FROM "Evidence" e WHERE e."claimId" = c."id"), '')
  FROM "Claim" c WHERE c."id" = claim
$$;

CREATE FUNCTION search.on_claim() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE article TEXT;
BEGIN
  IF TG_OP = 'INSERT' OR NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."claimant" IS DISTINCT FROM OLD."claimant"
     OR NEW."rationale" IS DISTINCT FROM OLD."rationale" THEN
    INSERT INTO search.claim_doc ("claimId", "document", "claimant")
    VALUES (NEW."id", search.claim_document(NEW."id"), NEW."claimant")
    ON CONFLICT ("claimId") DO UPDATE SET "document" = EXCLUDED."document", "claimant" = EXCLUDED."claimant";
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."reviewState" IS DISTINCT FROM OLD."reviewState" THEN
    FOR article IN SELECT DISTINCT a."articleId" FROM "Annotation" a WHERE a."claimId" = NEW."id" LOOP
      PERFORM search.count_claims(article);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_claim AFTER INSERT OR UPDATE ON "Claim"
FOR EACH ROW EXECUTE FUNCTION search.on_claim();

CREATE FUNCTION search.on_evidence() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  -- UPDATE only: when the claim itself is being deleted its row is already gone.
  UPDATE search.claim_doc SET "document" = search.claim_document("claimId")
   WHERE "claimId" IN (
     SELECT OLD."claimId" WHERE TG_OP <> 'INSERT'
     UNION SELECT NEW."claimId" WHERE TG_OP <> 'DELETE');
  RETURN NULL;
END $$;
CREATE TRIGGER search_evidence AFTER INSERT OR UPDATE OR DELETE ON "Evidence"
FOR EACH ROW EXECUTE FUNCTION search.on_evidence();

-- Fill the tables for what exists already.
INSERT INTO search.article_doc ("articleId", "meta", "byline")
SELECT "id", search.article_meta("title", "byline", "sourceName"), "byline" FROM "Article";
UPDATE search.article_doc d SET "body" = setweight(to_tsvector('english', r."text"), 'C'), "revisionId" = r."id"
FROM (SELECT DISTINCT ON ("articleId") "articleId", "id", "text" FROM "ArticleRevision"
      ORDER BY "articleId", "number" DESC) r
WHERE r."articleId" = d."articleId";
SELECT search.count_claims("id") FROM "Article";
INSERT INTO search.claim_doc ("claimId", "document", "claimant")
SELECT "id", search.claim_document("id"), "claimant" FROM "Claim";
