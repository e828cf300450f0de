-- The fetch limits shared by every app instance and worker on this database (issue #15):
-- a global number of fetches at once, a number per host at once, and a least interval between
-- two fetches to one host. Operational state outside Prisma's models, like the "search" schema.
CREATE SCHEMA IF NOT EXISTS jobs;

-- When the next fetch to a host may start (the per-host rate limit). One row per host.
CREATE TABLE jobs.host_pace (
    host TEXT PRIMARY KEY,
    next_start TIMESTAMPTZ NOT NULL
);

-- The first free one of `slots` session advisory locks named `prefix` || n, or NULL when all
-- are held. The locks are held by the connection that takes them, and freed when it closes,
-- so a killed worker's slots come back at once.
CREATE FUNCTION jobs.try_slot(prefix TEXT, slots INT) RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    n INT;
BEGIN
    FOR n IN 0 .. slots - 1 LOOP
        IF pg_try_advisory_lock(hashtextextended(prefix || n::text, 0)) THEN
            RETURN n;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- Takes one global fetch slot and one slot of `host`, or neither: true when both were taken.
CREATE FUNCTION jobs.take_fetch_slots(host TEXT, slots INT, per_host INT) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
    g INT;
BEGIN
    g := jobs.try_slot('factmark-fetch:', slots);
    IF g IS NULL THEN
        RETURN FALSE;
    END IF;
    IF jobs.try_slot('factmark-fetch-host:' || host || ':', per_host) IS NULL THEN
        PERFORM pg_advisory_unlock(hashtextextended('factmark-fetch:' || g::text, 0));
        RETURN FALSE;
    END IF;
    RETURN TRUE;
END $$;
