package dev.earshot.demo;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hides everything under {@code /demo/} when demo mode is off, whatever endpoint or static file would answer. */
@ApplicationScoped
public class DemoGate {

    // Before every endpoint and static handler, but after the filters (Quarkus runs a filter of priority p at
    // route order -p; the security headers' is 1000), so even this bare 404 says nosniff, CSP and no-store.
    private static final int BEFORE_EVERYTHING_ELSE = -999;

    private final DemoMode demoMode;

    DemoGate(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    void gate(@Observes Router router) {
        router.route("/demo/*").order(BEFORE_EVERYTHING_ELSE).handler(ctx -> {
            if (demoMode.enabled()) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(404).end();
            }
        });
    }
}
