package dev.earshot.demo;

/** STUB until the demo branch is merged. */
public final class DemoSandbox {
    public static final String CLIENT_ID = "earshot-demo";
    public static final String CLIENT_SECRET = "earshot-demo-secret";
    public static final String ACCOUNTS_PATH = "/demo/spotify/accounts";
    public static final String API_PATH = "/demo/spotify/api";

    private DemoSandbox() {
    }
}
