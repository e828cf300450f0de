-- The library's Source and Author filters search as the user types (issue #17).
--
-- Their choices were the 500 most frequent source names and bylines, grouped over every article
-- on every library page view (and a newsroom with more bylines could not pick the others). The
-- database now keeps each distinct value with its number of articles, so a lookup reads the
-- distinct values (hundreds), not the articles (tens of thousands). Derived data, kept by a
-- trigger on "Article"; a value whose count falls to 0 stays and is skipped by readers.
-- Two transactions that add articles with the same source wait on its row until the first
-- commits: article imports, not claim actions, so this is no hot path.

CREATE TABLE search.article_value (
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "articles" INTEGER NOT NULL,
    PRIMARY KEY ("field", "value")
);
CREATE INDEX article_value_trgm_idx ON search.article_value USING GIN ("value" gin_trgm_ops);

CREATE FUNCTION search.count_value(field TEXT, val TEXT, delta INTEGER) RETURNS VOID
LANGUAGE SQL AS $$
  INSERT INTO search.article_value ("field", "value", "articles") VALUES (field, val, delta)
  ON CONFLICT ("field", "value") DO UPDATE SET "articles" = search.article_value."articles" + delta;
$$;

CREATE FUNCTION search.on_article_values() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."sourceName" IS NOT NULL
     AND (TG_OP = 'DELETE' OR OLD."sourceName" IS DISTINCT FROM NEW."sourceName") THEN
    PERFORM search.count_value('source', OLD."sourceName", -1);
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."byline" IS NOT NULL
     AND (TG_OP = 'DELETE' OR OLD."byline" IS DISTINCT FROM NEW."byline") THEN
    PERFORM search.count_value('author', OLD."byline", -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."sourceName" IS NOT NULL
     AND (TG_OP = 'INSERT' OR OLD."sourceName" IS DISTINCT FROM NEW."sourceName") THEN
    PERFORM search.count_value('source', NEW."sourceName", 1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."byline" IS NOT NULL
     AND (TG_OP = 'INSERT' OR OLD."byline" IS DISTINCT FROM NEW."byline") THEN
    PERFORM search.count_value('author', NEW."byline", 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_article_values AFTER INSERT OR DELETE OR UPDATE OF "sourceName", "byline" ON "Article"
FOR EACH ROW EXECUTE FUNCTION search.on_article_values();

-- Backfill.
INSERT INTO search.article_value ("field", "value", "articles")
SELECT 'source', "sourceName", count(*)::int FROM "Article" WHERE "sourceName" IS NOT NULL GROUP BY 2
UNION ALL
SELECT 'author', "byline", count(*)::int FROM "Article" WHERE "byline" IS NOT NULL GROUP BY 2;
