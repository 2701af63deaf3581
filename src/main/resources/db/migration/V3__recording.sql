-- The recorder: who is recorded, where each listener's recently-played cursor stands, and which replica polls.
-- Same SQL on the embedded H2 (MODE=PostgreSQL) and on PostgreSQL.

-- One row per recorded listener: an opted-in listener (their refresh token is held by auth.HeldTokens as
-- "recorder:<listener_id>") or the owner (tokens from owner.OwnerAccount). Opting out deletes the row;
-- the plays already kept stay in table play.
CREATE TABLE recording (
    listener_id      VARCHAR(255) NOT NULL PRIMARY KEY,     -- the Spotify user id
    tokens           VARCHAR(16)  NOT NULL,                 -- 'held' (opted in) or 'owner'
    since            TIMESTAMP WITH TIME ZONE NOT NULL,     -- recording since
    cursor_ms        BIGINT,                                -- newest played_at recorded (unix ms): Spotify's after
    last_recorded_at TIMESTAMP WITH TIME ZONE,              -- newest play stored
    next_poll_at     TIMESTAMP WITH TIME ZONE NOT NULL,     -- spread over the poll interval per listener
    paused_at        TIMESTAMP WITH TIME ZONE               -- Spotify refused the held token (invalid_grant)
);

-- Each round reads the listeners that are due.
CREATE INDEX recording_due ON recording (next_poll_at);

-- Which replica polls: the holder (one id per process) keeps the lease by renewing it before expires_at;
-- when it stops (crash, shutdown), another replica takes the row over once it has expired.
CREATE TABLE recorder_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(255),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO recorder_lease (name, holder, expires_at) VALUES ('recorder', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
