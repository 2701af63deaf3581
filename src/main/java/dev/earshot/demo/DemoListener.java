package dev.earshot.demo;

/** The one made-up account every sign-in to the sandbox uses. */
final class DemoListener {

    static final String ID = "demo-listener";
    static final String DISPLAY_NAME = "Demo Listener";

    private DemoListener() {}
}
