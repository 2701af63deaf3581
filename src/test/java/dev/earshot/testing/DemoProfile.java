package dev.earshot.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Demo mode as a newcomer gets it, the one demo profile of the suite (for {@code @QuarkusTest}s and for the
 * packaged jar's {@code @QuarkusIntegrationTest}s alike, so both start the app once in this configuration).
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "earshot.demo", "true",
                // The sandbox's access tokens live exactly the app's one-minute refresh margin, so every
                // dashboard visit exercises a silent refresh through the sandbox.
                "earshot.demo.access-token-lifetime", "60s",
                // Plain cookie names: Chrome keeps no Secure (so no __Host-) cookie from plain http://127.0.0.1.
                "earshot.secure-cookies", "false",
                // The packaged jar runs the prod profile, which needs a real secret (S15).
                "earshot.session.secret", "integration-test-secret-0123456789abcdef-0123456789");
    }
}
