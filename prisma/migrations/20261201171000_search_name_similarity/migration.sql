-- Misspelled names (issue #17): pg_trgm's `<%` operator, which the trigram indexes serve, matches
-- at this word similarity. The default 0.6 misses one wrong letter in a short name ("Tokaev" for
-- "Tokayev" is 0.5); 0.5 lets one or two through while different names stay out. Set on the
-- database, so every new session of the app gets it without a per-query transaction.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET pg_trgm.word_similarity_threshold = 0.5', current_database());
END
$$;
