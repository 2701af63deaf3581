package dev.earshot.auth;

/** A sealed value would exceed what a browser stores in one cookie (S14): better a clear failure than a silent drop. */
public class CookieTooLargeException extends RuntimeException {

    public CookieTooLargeException(String cookieName, int valueLength) {
        super("Cookie " + cookieName + " would hold " + valueLength + " bytes, over the 4096 a browser keeps");
    }
}
