package dev.earshot.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Demo mode for a real browser: like {@code DemoProfile}, but with plain cookies, because Chrome
 * keeps no {@code Secure} (so no {@code __Host-}) cookie from plain http://127.0.0.1.
 */
public class BrowserDemoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "earshot.demo", "true",
                // The packaged jar runs the prod profile, which needs a real secret (S15).
                "earshot.session.secret", "browser-test-secret-0123456789abcdef-0123456789",
                "earshot.secure-cookies", "false");
    }
}
