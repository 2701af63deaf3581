package dev.earshot.history;

/** A file of the upload that cannot be imported; the message is a plain reason, shown to the listener as is. */
public class BadExportFile extends Exception {

    public BadExportFile(String reason) {
        super(reason, null, false, false);
    }
}
