package dev.earshot.web;

import static dev.earshot.web.TrustedProxyTest.LIMIT;
import static dev.earshot.web.TrustedProxyTest.loginForwardedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forwarding is on, but the test client (127.0.0.1) is not among EARSHOT_TRUSTED_PROXIES: its forwarded headers count for nothing. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(UntrustedPeerTest.OnlyAnotherProxyIsTrusted.class)
class UntrustedPeerTest {

    public static class OnlyAnotherProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "EARSHOT_PROXY_FORWARDING",
                    "true",
                    "EARSHOT_TRUSTED_PROXIES",
                    "10.9.9.9",
                    "earshot.sign-in-rate-limit",
                    Integer.toString(LIMIT));
        }
    }

    @Test
    void forgedForwardedHeadersDoNotEscapeTheLimit() {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(303, loginForwardedFor("198.51.100." + i).statusCode());
        }
        assertEquals(
                429,
                loginForwardedFor("198.51.100.99").statusCode(),
                "a new X-Forwarded-For does not make a new visitor");
    }
}
