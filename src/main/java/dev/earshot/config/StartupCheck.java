package dev.earshot.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Refuses to start with a configuration that cannot work, naming every problem at once in the
 * terms a deployer sets them: environment variables, not property keys (S15). A redirect URI that
 * Spotify would refuse is logged as an error instead (see {@link ConfigurationReadiness}).
 * It observes start-up before every other observer of the app, so nothing that needs the secret
 * (the owner's token store, the sealer) is touched before a missing secret is named.
 */
@Singleton
public class StartupCheck {

    private static final Logger LOG = Logger.getLogger(StartupCheck.class);

    static final int MIN_SECRET_BYTES = 32;

    /** Earlier than the application's own observers (default priority {@code APPLICATION + 500}). */
    static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE;

    void onStart(
            @Observes @Priority(FIRST) StartupEvent event,
            SpotifyConfig spotify,
            SessionConfig session,
            ModeConfig mode,
            SpotifySettings settings,
            HistoryConfig history) {
        List<String> problems = new ArrayList<>(problems(spotify, session, mode.demo()));
        history.pollIntervalProblem().ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(
                    "Earshot cannot start: " + String.join("; ", problems) + ". See README.md, section Configuration.");
        }
        // The public widget can still work without sign-in, so this one keeps the app running, not ready.
        settings.redirectUriProblem()
                .ifPresent(problem -> LOG.errorf(
                        "Sign-in cannot work: %s. Readiness stays DOWN until this is fixed (README.md, section Configuration).",
                        problem));
    }

    static List<String> problems(SpotifyConfig spotify, SessionConfig session, boolean demo) {
        List<String> problems = new ArrayList<>();
        if (!demo) {
            if (blank(spotify.clientId())) {
                problems.add(
                        "SPOTIFY_CLIENT_ID is not set (your Spotify app's Client ID; or set EARSHOT_DEMO=true to try the demo)");
            }
            if (blank(spotify.clientSecret())) {
                problems.add("SPOTIFY_CLIENT_SECRET is not set (your Spotify app's Client secret)");
            }
        }
        if (blank(session.secret())) {
            problems.add("EARSHOT_SESSION_SECRET is not set (at least " + MIN_SECRET_BYTES
                    + " random bytes, e.g. the output of: openssl rand -base64 48)");
        } else if (tooShort(session.secret())) {
            problems.add("EARSHOT_SESSION_SECRET is shorter than " + MIN_SECRET_BYTES + " bytes");
        }
        if (!blank(session.secretPrevious()) && tooShort(session.secretPrevious())) {
            problems.add("EARSHOT_SESSION_SECRET_PREVIOUS is shorter than " + MIN_SECRET_BYTES + " bytes");
        }
        return problems;
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }

    private static boolean tooShort(Optional<String> value) {
        return value.orElse("").getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES;
    }
}
