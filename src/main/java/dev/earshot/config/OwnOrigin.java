package dev.earshot.config;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This app's own address on the loopback interface, for a Spotify URL configured as a bare path (the
 * built-in sandbox is served by the app itself). A loopback IP literal, because Spotify's rules accept
 * plain HTTP only there. Asked at call time: the port is known only once the server listens (port 0
 * picks a free one).
 */
@ApplicationScoped
public class OwnOrigin {

    private final HttpServer httpServer;

    OwnOrigin(HttpServer httpServer) {
        this.httpServer = httpServer;
    }

    /** {@code url} as it is when absolute; a path resolved against this app's own origin. */
    public String resolve(String url) {
        return url.startsWith("/") ? origin() + url : url;
    }

    private String origin() {
        int port = httpServer.getPort();
        if (port <= 0) {
            // After a dev-mode live reload the server keeps listening but this bean no longer knows where.
            port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
        }
        return "http://127.0.0.1:" + port;
    }
}
