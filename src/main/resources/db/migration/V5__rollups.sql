-- Rollups of each listener's music (streams of kind 'track'), so that history pages and the recap read a few
-- thousand rows however long the history is. They are derived data: history.Rollups rebuilds them from table
-- play for the months a write touched, in the writer's own transaction, and history.RollupBackfill builds them
-- for listeners whose plays came before this migration. Times are UTC; a viewer's days and hours are made of
-- these hours, and a period's edges that do not fall on a UTC month are read from table play itself.

-- One row per listener whose rollups exist; locked (SELECT ... FOR UPDATE) by every rebuild, so rebuilds of one
-- listener never interleave across replicas. stale_from_year..stale_to_year: years whose 'year' rows and the 'all'
-- rows lag behind their months (an import in progress, or one cut short); readers then add up months instead.
CREATE TABLE listening_rollup (
    listener_id     VARCHAR(255) PRIMARY KEY,
    stale_from_year INT,
    stale_to_year   INT
);

-- Tracks, artists and albums added up per month, per year and over all time.
CREATE TABLE listening_total (
    listener_id   VARCHAR(255)  NOT NULL,
    span          VARCHAR(8)    NOT NULL,  -- 'month', 'year' or 'all'
    span_key      INT           NOT NULL,  -- 202503 for March 2025, 2025 for the year, 0 for all time (UTC)
    kind          VARCHAR(8)    NOT NULL,  -- 'track', 'artist' or 'album'
    artist        VARCHAR(2000),           -- the artist (of a track or album), or the artist of an 'artist' row
    artist_prefix VARCHAR(200),            -- its first 200 characters: indexable where the whole name is not
    name          VARCHAR(2000) NOT NULL,  -- track, artist or album name
    plays         BIGINT        NOT NULL,  -- streams of 30 s or more
    ms_played     BIGINT        NOT NULL,  -- every stream
    first_play    TIMESTAMP WITH TIME ZONE, -- first and last stream of 30 s or more, null when none
    last_play     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX listening_total_by_span ON listening_total (listener_id, span, span_key, kind);
CREATE INDEX listening_total_by_artist ON listening_total (listener_id, span, kind, artist_prefix);

-- Music per hour of UTC: the calendar, the listening clock and the streaks.
CREATE TABLE listening_hour (
    listener_id VARCHAR(255) NOT NULL,
    epoch_hour  BIGINT       NOT NULL,  -- hours since 1970-01-01T00:00Z
    plays       BIGINT       NOT NULL,
    ms_played   BIGINT       NOT NULL,
    PRIMARY KEY (listener_id, epoch_hour)
);
