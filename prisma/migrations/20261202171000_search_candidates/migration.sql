-- Search that costs the same at 100,000 claims as at 100 (issue #17).
--
-- Ranking every match (ts_rank reads each matching document; a common word matches most of
-- them) took seconds on a large archive. Search now ranks a bounded candidate set: the newest
-- matches of each kind, taken from the GIN index, or by walking the newest rows when a word is
-- so common that they match at once (the planner picks by the word's frequency). For that both
-- documents carry their row's creation time, indexed newest first.

ALTER TABLE search.article_doc ADD COLUMN "createdAt" TIMESTAMP(3);
UPDATE search.article_doc d SET "createdAt" = a."createdAt" FROM "Article" a WHERE a."id" = d."articleId";
ALTER TABLE search.article_doc ALTER COLUMN "createdAt" SET NOT NULL;
CREATE INDEX article_doc_created_idx ON search.article_doc ("createdAt" DESC, "articleId" DESC);

ALTER TABLE search.claim_doc ADD COLUMN "createdAt" TIMESTAMP(3);
UPDATE search.claim_doc d SET "createdAt" = c."createdAt" FROM "Claim" c WHERE c."id" = d."claimId";
ALTER TABLE search.claim_doc ALTER COLUMN "createdAt" SET NOT NULL;
CREATE INDEX claim_doc_created_idx ON search.claim_doc ("createdAt" DESC, "claimId" DESC);

-- The library's sort keys, beside the creation time, so each sort walks an index and stops after
-- one page (the same expressions the library orders by; undated articles sort as the oldest).
ALTER TABLE search.article_doc ADD COLUMN "publishedKey" TIMESTAMP(3), ADD COLUMN "titleKey" TEXT;
UPDATE search.article_doc d
   SET "publishedKey" = coalesce(a."publishedAt", '-infinity'::timestamp), "titleKey" = lower(a."title")
  FROM "Article" a WHERE a."id" = d."articleId";
ALTER TABLE search.article_doc ALTER COLUMN "publishedKey" SET NOT NULL, ALTER COLUMN "titleKey" SET NOT NULL;
CREATE INDEX article_doc_published_idx ON search.article_doc ("publishedKey" DESC, "articleId" DESC);
CREATE INDEX article_doc_title_idx ON search.article_doc ("titleKey", "articleId");

CREATE OR REPLACE FUNCTION search.on_article() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search.article_doc ("articleId", "meta", "byline", "createdAt", "publishedKey", "titleKey")
  VALUES (NEW."id", search.article_meta(NEW."title", NEW."byline", NEW."sourceName"), NEW."byline",
          NEW."createdAt", coalesce(NEW."publishedAt", '-infinity'::timestamp), lower(NEW."title"))
  ON CONFLICT ("articleId") DO UPDATE SET "meta" = EXCLUDED."meta", "byline" = EXCLUDED."byline",
    "publishedKey" = EXCLUDED."publishedKey", "titleKey" = EXCLUDED."titleKey";
  RETURN NULL;
END $$;
DROP TRIGGER search_article ON "Article";
CREATE TRIGGER search_article AFTER INSERT OR UPDATE OF "title", "byline", "sourceName", "publishedAt" ON "Article"
FOR EACH ROW EXECUTE FUNCTION search.on_article();

CREATE OR REPLACE FUNCTION search.on_claim() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."claimant" IS DISTINCT FROM OLD."claimant"
     OR NEW."rationale" IS DISTINCT FROM OLD."rationale" THEN
    INSERT INTO search.claim_doc ("claimId", "document", "claimant", "createdAt")
    VALUES (NEW."id", search.claim_document(NEW."id"), NEW."claimant", NEW."createdAt")
    ON CONFLICT ("claimId") DO UPDATE SET "document" = EXCLUDED."document", "claimant" = EXCLUDED."claimant";
  END IF;
  RETURN NULL;
END $$;

-- The part of a text to highlight: ts_headline parses all it is given (6 ms for 20,000
-- characters), so it gets ~1,200 characters around the first occurrence of a query word's stem
-- (English stems are mostly prefixes of their words; as written or capitalised: lower() of a
-- long text costs more than the whole search), or the start of the text.
CREATE FUNCTION search.passage(body TEXT, q TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
  SELECT substr(body, greatest(1, coalesce(min(p), 1) - 400), 1200)
  FROM unnest(tsvector_to_array(to_tsvector('english', q))) s,
       LATERAL (VALUES (nullif(strpos(body, s), 0)), (nullif(strpos(body, initcap(s)), 0))) v(p)
$$;
