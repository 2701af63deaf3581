package dev.earshot.demo;

/** A Web API request the sandbox refuses, answered in Spotify's {@code {"error":{status,message}}} shape. */
final class WebApiFailure extends RuntimeException {

    private final int status;

    WebApiFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
