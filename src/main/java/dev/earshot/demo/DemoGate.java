package dev.earshot.demo;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hides everything under {@code /demo/} when demo mode is off, whatever endpoint or static file would answer. */
@ApplicationScoped
public class DemoGate {

    // Right after the body handler, so no filter, endpoint or static handler of the app sees the request.
    private static final int BEFORE_EVERYTHING_ELSE = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;

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
