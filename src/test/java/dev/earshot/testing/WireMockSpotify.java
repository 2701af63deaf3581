package dev.earshot.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts WireMock on a free port as both of Spotify's hosts, points the app at it (demo mode off), and
 * injects it into the test's {@link InjectSpotify} fields, as a {@link FakeSpotify} or a {@code WireMockServer}.
 */
public class WireMockSpotify implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "test-client-id";
    public static final String CLIENT_SECRET = "test-client-secret-value";
    public static final String REDIRECT_URI = "http://127.0.0.1:8080/api/callback";
    /**
     * The session secret before the last rotation (S12), configured for every test so that key rotation needs
     * no Quarkus restart of its own; the current secret is the test profile's {@code earshot.session.secret}.
     */
    public static final String PREVIOUS_SESSION_SECRET = "previous-test-secret-before-rotation-0123456789abcdef";

    /** Init argument: the app's read timeout towards Spotify (1 s unless a test needs slow answers to arrive). */
    public static final String READ_TIMEOUT = "read-timeout";

    private WireMockServer server;
    private String readTimeout = "1s";

    @Override
    public void init(Map<String, String> initArgs) {
        readTimeout = initArgs.getOrDefault(READ_TIMEOUT, readTimeout);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(new FakePlayback()));
        server.start();
        return Map.of(
                "earshot.session.secret-previous", PREVIOUS_SESSION_SECRET,
                "spotify.accounts-url", server.baseUrl(),
                "spotify.api-url", server.baseUrl(),
                "spotify.client-id", CLIENT_ID,
                "spotify.client-secret", CLIENT_SECRET,
                "spotify.redirect-uri", REDIRECT_URI,
                "spotify.read-timeout", readTimeout,
                "earshot.demo", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                new FakeSpotify(server),
                new TestInjector.AnnotatedAndMatchesType(InjectSpotify.class, FakeSpotify.class));
        testInjector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectSpotify.class, WireMockServer.class));
    }
}
