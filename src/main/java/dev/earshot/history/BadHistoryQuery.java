package dev.earshot.history;

/** A history request Earshot cannot answer as asked; the message says why in plain words, for the listener. */
public class BadHistoryQuery extends RuntimeException {

    public BadHistoryQuery(String message) {
        super(message, null, false, false);
    }
}
