package dev.earshot.auth;

/**
 * What a request's session cookie amounts to: none, a usable session (perhaps sealed under the
 * previous key, so due for re-sealing), one that cannot be opened, or one past its absolute lifetime.
 */
public record SessionLookup(State state, Session session, boolean underOldKey) {

    public enum State {
        ABSENT,
        ACTIVE,
        UNREADABLE,
        EXPIRED
    }

    static SessionLookup absent() {
        return new SessionLookup(State.ABSENT, null, false);
    }

    static SessionLookup unreadable() {
        return new SessionLookup(State.UNREADABLE, null, false);
    }

    static SessionLookup expired() {
        return new SessionLookup(State.EXPIRED, null, false);
    }

    static SessionLookup active(Session session, boolean underOldKey) {
        return new SessionLookup(State.ACTIVE, session, underOldKey);
    }

    public boolean active() {
        return state == State.ACTIVE;
    }

    /** A cookie that is there but useless must go, so the browser stops sending it. */
    public boolean needsClearing() {
        return state == State.UNREADABLE || state == State.EXPIRED;
    }
}
