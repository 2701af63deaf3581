package dev.earshot.demo;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/** Whether the Spotify sandbox is switched on, and where it can be reached. */
@ApplicationScoped
public class DemoMode {

    private final boolean enabled;
    private final HttpServer httpServer;

    DemoMode(SandboxConfig config, HttpServer httpServer) {
        // Decided as configuration, by DemoConfigSource.
        this.enabled = config.enabled();
        this.httpServer = httpServer;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The sandbox's own origin. A loopback IP literal, because Spotify's rules (which the sandbox
     * mirrors) accept plain HTTP only there. Asked at call time: the port is known only once the
     * server listens (port 0 picks a free one).
     */
    public String origin() {
        int port = httpServer.getPort();
        if (port <= 0) {
            // After a dev-mode live reload the server keeps listening but this bean no longer knows where.
            port = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.http.port", Integer.class)
                    .orElse(8080);
        }
        return "http://127.0.0.1:" + port;
    }
}
