package dev.earshot.history;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The HTTP body limit ({@code quarkus.http.limits.max-body-size}) is one for the whole server and is raised to the
 * import's total ({@code EARSHOT_IMPORT_MAX_TOTAL_SIZE}); every other path keeps a small one, refused before a byte of
 * the body is read: 413 over {@link #OTHER_PATHS}, 411 for a body of unannounced length (S28).
 */
@ApplicationScoped
public class UploadBodyLimit {

    /** The only path that takes large bodies. */
    public static final String IMPORT_PATH = "/api/me/history/import";

    /** Every other body is a small form or JSON. */
    public static final long OTHER_PATHS = 1 << 20;

    // Before every endpoint and static handler, after the security-header filters (see demo/DemoGate).
    private static final int BEFORE_EVERYTHING_ELSE = -1000;

    void limit(@Observes Router router) {
        router.route().order(BEFORE_EVERYTHING_ELSE).handler(ctx -> {
            if (IMPORT_PATH.equals(ctx.normalizedPath())) {
                ctx.next();
                return;
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                ctx.response().setStatusCode(411).end();
                return;
            }
            if (length != null && tooLarge(length)) {
                ctx.response().setStatusCode(413).end();
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > OTHER_PATHS;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
