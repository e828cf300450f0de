-- Excerpts without reading long texts (issue #17).
--
-- A search hit's excerpt used to come from the first 20,000 characters of the article's current
-- text: de-TOASTing them cost ~1 ms per long article and ts_headline over the 1,200 characters
-- cut around the first match another ~0.5 ms, so a page of long articles spent ~15 ms of CPU on
-- excerpts alone. The current text is now also kept as numbered passages of ~800 characters
-- (cut between words) with their own tsvector; an excerpt is the first passage that matches,
-- found by walking the article's passages in order, and ts_headline parses only that passage.
-- Passages are derived data, rewritten with the body vector whenever a newer revision arrives.

CREATE TABLE search.article_passage (
    "articleId" TEXT NOT NULL REFERENCES "Article"("id") ON DELETE CASCADE,
    "n" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "words" TSVECTOR NOT NULL,
    PRIMARY KEY ("articleId", "n")
);

-- A text as passages of about 800 characters: its words (split on white space, joined by one
-- space) grouped by where they start, so a passage is cut between words, never inside one.
CREATE FUNCTION search.passages(body TEXT) RETURNS TABLE ("n" INTEGER, "text" TEXT)
LANGUAGE SQL IMMUTABLE AS $$
  SELECT (x.c / 800)::int, string_agg(x.w, ' ' ORDER BY x.o)
  FROM (SELECT t.w, t.o, sum(length(t.w) + 1) OVER (ORDER BY t.o) - length(t.w) - 1 AS c
        FROM regexp_split_to_table(body, '\s+') WITH ORDINALITY t(w, o)
        WHERE t.w <> '') x
  GROUP BY 1
$$;

-- Rewrites an article's passages from `body` (its current text).
CREATE FUNCTION search.write_passages(article TEXT, body TEXT) RETURNS VOID LANGUAGE SQL AS $$
  DELETE FROM search.article_passage WHERE "articleId" = article;
  INSERT INTO search.article_passage ("articleId", "n", "text", "words")
  SELECT article, p."n", p."text", to_tsvector('english', p."text") FROM search.passages(body) p;
$$;

-- The same rule as search.on_revision: the passages follow the highest revision number.
CREATE FUNCTION search.on_revision_passages() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ArticleRevision" r
                 WHERE r."articleId" = NEW."articleId" AND r."number" > NEW."number") THEN
    PERFORM search.write_passages(NEW."articleId", NEW."text");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_revision_passages AFTER INSERT ON "ArticleRevision"
FOR EACH ROW EXECUTE FUNCTION search.on_revision_passages();

-- Backfill: the current text of every article.
SELECT search.write_passages(d."articleId", r."text")
FROM search.article_doc d JOIN "ArticleRevision" r ON r."id" = d."revisionId";

DROP FUNCTION search.passage(TEXT, TEXT);
