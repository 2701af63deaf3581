package dev.earshot.flow;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Demo mode as a newcomer gets it, with the sandbox's access tokens living exactly the app's
 * one-minute refresh margin, so every dashboard visit exercises a silent refresh through the sandbox.
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "earshot.demo", "true",
                "earshot.demo.access-token-lifetime", "60s",
                // The packaged jar runs the prod profile, which needs a real secret (S15).
                "earshot.session.secret", "integration-test-secret-0123456789abcdef-0123456789");
    }
}
