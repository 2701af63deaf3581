package dev.earshot.owner;

/** No owner account is set up: no stored token, no {@code SPOTIFY_REFRESH_TOKEN}, not in demo mode. */
public class OwnerNotConfiguredException extends RuntimeException {

    public OwnerNotConfiguredException() {
        super("No owner account: set SPOTIFY_REFRESH_TOKEN or connect at /owner/connect", null, false, false);
    }
}
