package dev.earshot.demo;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Demo mode as configuration: decides {@code earshot.demo} and, when it is on, points the app's Spotify
 * settings at the sandbox the way a deployer points them at Spotify — its addresses (as paths on this
 * app), its registered client, a redirect URI back here, and the sandbox listener's standing sign-in as
 * {@code SPOTIFY_REFRESH_TOKEN}. The app then talks to the sandbox over HTTP only, and knows nothing of it.
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class DemoConfigSource implements ConfigSourceFactory {

    /** Above the environment (300), below system properties (400): demo mode wins over SPOTIFY_* from the environment. */
    static final int ORDINAL = 350;

    static final String SWITCH = "earshot.demo";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean enabled = enabled(
                value(context, SWITCH),
                value(context, "spotify.client-id"),
                context.getProfiles().contains("dev"));
        return List.of(new PropertiesConfigSource(
                enabled ? sandboxSettings() : Map.of(SWITCH, "false"),
                DemoConfigSource.class.getSimpleName(),
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /**
     * Without an explicit choice, {@code quarkus:dev} on a fresh checkout (no Spotify app registered yet)
     * still shows the whole sign-in flow; production never falls into the sandbox by accident.
     */
    static boolean enabled(String demo, String spotifyClientId, boolean devMode) {
        if (demo != null && !demo.isBlank()) {
            return Boolean.parseBoolean(demo.trim());
        }
        return devMode && (spotifyClientId == null || spotifyClientId.isBlank());
    }

    static Map<String, String> sandboxSettings() {
        return Map.of(
                SWITCH,
                "true",
                "spotify.accounts-url",
                DemoSandbox.ACCOUNTS_PATH,
                "spotify.api-url",
                DemoSandbox.API_PATH,
                "spotify.client-id",
                DemoSandbox.CLIENT_ID,
                "spotify.client-secret",
                DemoSandbox.CLIENT_SECRET,
                // Paths: the app reads them as its own address, which is known only once it listens.
                "spotify.redirect-uri",
                DemoSandbox.CALLBACK_PATH,
                "spotify.refresh-token",
                DemoSandbox.OWNER_REFRESH_TOKEN);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
