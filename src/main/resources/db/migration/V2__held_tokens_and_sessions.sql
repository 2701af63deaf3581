-- Refresh tokens the server holds (auth.HeldTokens): the owner's account ('owner') and each listener who opted in to
-- recording ('recorder:' + Spotify user id). Tokens are sealed with the session secret, never stored in the clear.
-- The row is also the lock that makes a refresh single-flight across replicas (SELECT ... FOR UPDATE, R12).
CREATE TABLE held_token (
    holder            VARCHAR(300)  NOT NULL PRIMARY KEY,
    listener_id       VARCHAR(255),                        -- the Spotify user id; unknown for SPOTIFY_REFRESH_TOKEN
    refresh_token     VARCHAR(4000) NOT NULL,              -- sealed
    signed_in_at      TIMESTAMP WITH TIME ZONE,            -- Spotify's six months count from it; unknown for the environment's
    rejected_at       TIMESTAMP WITH TIME ZONE,            -- Spotify answered invalid_grant: no refresh until held again
    access_token      VARCHAR(4000),                       -- sealed; the newest one, for the replica that waited for the lock
    access_expires_at TIMESTAMP WITH TIME ZONE,
    held_at           TIMESTAMP WITH TIME ZONE NOT NULL    -- when hold(...) last replaced it
);

-- Sessions ended by sign-out (S26), by a digest of the session id inside the sealed cookie, kept until the session's
-- own absolute expiry, after which the cookie is refused anyway and the row is swept.
CREATE TABLE ended_session (
    session_digest VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "Sign out everywhere": every session of the listener signed in at or before ended_before is ended.
CREATE TABLE sessions_ended_before (
    listener_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    ended_before TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ended_session_by_expiry ON ended_session (expires_at);
CREATE INDEX sessions_ended_before_by_expiry ON sessions_ended_before (expires_at);
