package dev.earshot.demo;

/** Where the built-in Spotify sandbox lives and which client it accepts: the app points its Spotify clients here. */
public final class DemoSandbox {

    /** The only client the sandbox knows, like an app registered in Spotify's dashboard. */
    public static final String CLIENT_ID = "earshot-demo";
    /** Not a secret: the sandbox only serves sample data. */
    public static final String CLIENT_SECRET = "earshot-demo-secret";
    /** Stands in for {@code https://accounts.spotify.com}. */
    public static final String ACCOUNTS_PATH = "/demo/spotify/accounts";
    /** Stands in for {@code https://api.spotify.com}. */
    public static final String API_PATH = "/demo/spotify/api";
    /** Stands in for {@code https://i.scdn.co}: generated cover art, so nothing is fetched from the internet. */
    public static final String ART_PATH = "/demo/spotify/art";
    /** Where the sandbox sends the browser back: the app's callback, as registered for its one client. */
    public static final String CALLBACK_PATH = "/api/callback";
    /**
     * The sandbox listener's standing sign-in, which demo mode configures as {@code SPOTIFY_REFRESH_TOKEN}
     * the way a deployer pastes one from a real sign-in. Not a secret: the sandbox only serves sample data.
     */
    public static final String OWNER_REFRESH_TOKEN = "earshot-demo-owner-sign-in";
    /** Not part of Spotify: next, pause, play and restart for the sandbox's player, answering 204. */
    public static final String REMOTE_PATH = "/demo/spotify/remote";

    /** Not an API: where "Download your data" would leave the sample data export (Spotify sends it by email). */
    public static final String EXPORT_PATH = "/demo/spotify/export";

    /** The name the sandbox shows for its one registered client. */
    static final String CLIENT_NAME = "Earshot";

    private DemoSandbox() {}
}
