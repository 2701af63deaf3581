package dev.earshot.testing;

/**
 * The app's cookie names as a browser sees them, the tests' one source: {@code __Host-} names when cookies
 * are {@code Secure} (the default), plain names under {@link DemoProfile}, which turns {@code Secure} off. The plain
 * names are also the purposes the app seals each cookie for.
 */
public final class CookieNames {

    public static final String SESSION = "__Host-earshot_session";
    public static final String LOGIN = "__Host-earshot_login";
    public static final String PLAIN_SESSION = "earshot_session";
    public static final String PLAIN_LOGIN = "earshot_login";

    private CookieNames() {}
}
