package dev.earshot.demo;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Decides whether the Spotify sandbox is switched on, and tells where it can be reached. */
@ApplicationScoped
public class DemoMode {

    private final boolean enabled;
    private final HttpServer httpServer;

    DemoMode(@ConfigProperty(name = "earshot.demo") Optional<Boolean> demo,
             @ConfigProperty(name = "spotify.client-id") Optional<String> spotifyClientId,
             HttpServer httpServer) {
        // Without an explicit choice, `quarkus:dev` on a fresh checkout (no Spotify app registered yet)
        // should still show the whole sign-in flow; production never falls into the sandbox by accident.
        this.enabled = demo.orElseGet(() -> LaunchMode.current() == LaunchMode.DEVELOPMENT
                && spotifyClientId.filter(id -> !id.isBlank()).isEmpty());
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
            port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        }
        return "http://127.0.0.1:" + port;
    }
}
