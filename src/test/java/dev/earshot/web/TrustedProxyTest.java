package dev.earshot.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CapturedLog;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating proxy (README, Deploy): with EARSHOT_PROXY_FORWARDING=true, a request from
 * one of EARSHOT_TRUSTED_PROXIES is counted by its X-Forwarded-For address; cookies stay Secure and
 * the redirect URI stays the configured one whatever the forwarded headers say.
 * {@link UntrustedPeerTest} covers a peer that is not a trusted proxy.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(TrustedProxyTest.FromATrustedProxy.class)
class TrustedProxyTest {

    static final int LIMIT = 3;

    public static class FromATrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "EARSHOT_PROXY_FORWARDING",
                    "true",
                    "EARSHOT_TRUSTED_PROXIES",
                    "127.0.0.1",
                    "earshot.sign-in-rate-limit",
                    Integer.toString(LIMIT));
        }
    }

    /** A sign-in start as a proxy forwards it, with headers a visitor might forge. */
    static Response loginForwardedFor(String clientAddress) {
        return given().redirects()
                .follow(false)
                .header("X-Forwarded-For", clientAddress)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "evil.example")
                .get("/login");
    }

    @Test
    void theForwardedClientAddressIsTheOneCounted() {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(303, loginForwardedFor("203.0.113.10").statusCode());
        }
        assertEquals(429, loginForwardedFor("203.0.113.10").statusCode(), "that visitor is limited");
        assertEquals(
                303, loginForwardedFor("203.0.113.11").statusCode(), "another visitor behind the same proxy is not");
    }

    @Test
    void aForwardedAddressThatIsNotAnIpCountsAsAbsent() {
        // Counted as the proxy itself (the peer), so after LIMIT of them the proxy's own bucket is full: 429, never
        // 500.
        CapturedLog log = CapturedLog.start();
        // (An empty leftmost entry never gets this far: Quarkus's own ForwardedParser throws on it; see the report.)
        for (String bogus : new String[] {"bogus", "unknown", "_hidden", "999.1.1.1", "bogus, also-bogus"}) {
            int status = loginForwardedFor(bogus).statusCode();
            assertTrue(status == 303 || status == 429, "X-Forwarded-For: " + bogus + " answered " + status);
        }
        log.close();
        assertTrue(
                log.lines().stream().noneMatch(line -> line.level().intValue() >= Level.SEVERE.intValue()),
                "no ERROR logged");
    }

    @Test
    void s24_spoofedLeftmostEntriesDoNotEscapeTheLimit() {
        // The proxy appends the address it saw; whatever the client wrote stays on the left.
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(
                    303, loginForwardedFor("198.51.100." + i + ", 203.0.113.50").statusCode());
        }
        assertEquals(
                429,
                loginForwardedFor("198.51.100.99, 203.0.113.50").statusCode(),
                "a forged leftmost entry is no new visitor");
        assertEquals(
                429,
                loginForwardedFor("10.1.2.3, 203.0.113.50, 127.0.0.1").statusCode(),
                "trusted proxies on the right are skipped");
        assertEquals(
                303,
                loginForwardedFor("203.0.113.50, 203.0.113.51").statusCode(),
                "the rightmost untrusted entry is the visitor");
    }

    @Test
    void s24_ipv6ClientsInOne64ShareABucket() {
        String[] sameNetwork = {"2001:db8:5:6::1", "2001:db8:5:6:ffff::2", "[2001:db8:5:6::3]:4711"};
        for (String address : sameNetwork) {
            assertEquals(303, loginForwardedFor(address).statusCode(), address);
        }
        assertEquals(
                429,
                loginForwardedFor("2001:db8:5:6:abcd::9").statusCode(),
                "a fourth address in the same /64 is limited");
        assertEquals(303, loginForwardedFor("2001:db8:5:7::1").statusCode(), "the next /64 is another visitor");
    }

    @Test
    void cookiesStaySecureAndTheRedirectUriStaysConfigured() {
        Response login = loginForwardedFor("203.0.113.20");
        assertEquals(303, login.statusCode());
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("__Host-") && cookie.contains("Secure"), cookie);
        String location = login.header("Location");
        assertTrue(
                location.contains("redirect_uri="
                                + URLEncoder.encode(WireMockSpotify.REDIRECT_URI, StandardCharsets.UTF_8))
                        && !location.contains("evil.example"),
                location);
    }
}
