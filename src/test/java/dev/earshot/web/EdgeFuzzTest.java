package dev.earshot.web;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.FuzzInput;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Junk at the HTTP edge, thousands of requests of it (S06, S12, S16, S10): parameters of the callback,
 * the sign-in, the dashboard and the embeds; cookie headers; forwarded headers. Whatever arrives: never a
 * 5xx, never a session cookie made from it, never a code exchange with Spotify. Requests go over a plain
 * socket so that malformed escapes and odd bytes reach the server as written. {@link FuzzInput} makes the
 * input from a seed that a failure names: rerun with {@code -Dearshot.fuzz.seed=<seed>}.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class EdgeFuzzTest {

    @InjectSpotify
    FakeSpotify spotify;

    private static final int REQUESTS = 2500;

    @TestHTTPResource("/")
    URI server;

    /** What one request answered: its status and its Set-Cookie headers. */
    record Answer(int status, List<String> setCookies) {}

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        spotify.stubTokenGrant("fuzz-access", "fuzz-refresh", 3600);
    }

    @Test
    void s06_s10_s12_s16_junkAtTheEdgeIsNeverA5xxNeverASessionAndNeverACodeExchange() throws IOException {
        FuzzInput fuzz = FuzzInput.fromSystemSeed();
        long seed = fuzz.seed();
        int sent = 0;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String request = request(fuzz);
            Answer answer = send(request);
            String context = "seed " + seed + ", request:\n" + request;
            assertTrue(
                    answer.status() >= 200 && answer.status() < 500, "answered " + answer.status() + " to " + context);
            for (String cookie : answer.setCookies()) {
                if (cookie.startsWith(CookieNames.SESSION + "=")) {
                    assertTrue(
                            cookie.toLowerCase(Locale.ROOT).contains("max-age=0"),
                            "a session cookie was set: " + cookie + " for " + context);
                }
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            sent++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("EdgeFuzzTest: %d requests in %d ms (seed %d), by status %s%n", sent, millis, seed, byStatus);
        assertEquals(
                0,
                spotify.server()
                        .countRequestsMatching(FakeSpotify.tokenRequests()
                                .withRequestBody(containing("grant_type=authorization_code"))
                                .build())
                        .getCount(),
                "no code exchange (seed " + seed + ")");
        assertEquals(0, spotify.tokenCalls(), "no token request at all (seed " + seed + ")");
    }

    // --- what is sent ---

    private static String request(FuzzInput fuzz) {
        String target = switch (fuzz.upTo(6)) {
            case 0 -> query(fuzz, "/api/callback", "state", "code", "error", "error_description", "iss", "state[]", "");
            case 1 -> query(fuzz, "/login", "return", "next", "");
            case 2 -> query(fuzz, "/dashboard", "range", "");
            case 3 -> query(fuzz, "/embed/now-playing.svg", "theme", "width", "show", "");
            case 4 -> query(fuzz, "/embed/now-playing", "transparent", "");
            case 5 -> query(fuzz, "/", "notice", "");
            default -> fuzz.pick("/api/me/now-playing", "/logout", "/q/health", "/owner/connect");
        };
        return "GET " + target + " HTTP/1.1\r\n"
                + fuzz.list(0, 4, () -> header(fuzz)).stream()
                        .map(line -> line + "\r\n")
                        .collect(Collectors.joining());
    }

    /** {@code path?name=value&...}: 0 to 5 parameters named from {@code names} (names may repeat), values junk. */
    private static String query(FuzzInput fuzz, String path, String... names) {
        List<String> pairs = fuzz.list(0, 5, () -> fuzz.pick(names) + "=" + queryValue(fuzz));
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }

    /** A query value as a browser or an attacker would write it: percent-encoded anything, or raw printable junk and broken escapes. */
    private static String queryValue(FuzzInput fuzz) {
        return switch (fuzz.upTo(7)) {
            case 0, 1, 2 -> URLEncoder.encode(fuzz.anyText(300), StandardCharsets.UTF_8);
            case 3, 4, 5 ->
                fuzz.string(FuzzInput.PRINTABLE + "%%%", 80).replace("&", "%26").replace("#", "%23");
            default ->
                fuzz.pick(
                        "",
                        "%",
                        "%zz",
                        "%00",
                        "%0d%0a",
                        "%2F%2Fevil.example",
                        "//evil.example",
                        "/\\evil",
                        "javascript:alert(1)",
                        "-1",
                        "0",
                        "99999999999999999999",
                        "dark",
                        "light",
                        "short_term",
                        "long_term",
                        "access_denied",
                        "/dashboard|x",
                        "%C0%AF",
                        "%ED%A0%80",
                        "x".repeat(5000));
        };
    }

    private static String header(FuzzInput fuzz) {
        return switch (fuzz.upTo(6)) {
            case 0 -> "Cookie: " + cookieHeader(fuzz);
            case 1 -> "X-Forwarded-For: " + headerValue(fuzz);
            case 2 -> "X-Forwarded-Proto: " + headerValue(fuzz);
            case 3 -> "X-Forwarded-Host: " + headerValue(fuzz);
            case 4 -> "Forwarded: " + headerValue(fuzz);
            case 5 -> "If-None-Match: " + headerValue(fuzz);
            default -> "Origin: " + headerValue(fuzz);
        };
    }

    /** Session and login-attempt cookies, alone or duplicated, with garbage, base64 garbage, sealed-looking or very long values. */
    private static String cookieHeader(FuzzInput fuzz) {
        return String.join(
                "; ",
                fuzz.list(
                        1,
                        4,
                        () -> fuzz.pick(
                                        CookieNames.SESSION,
                                        CookieNames.LOGIN,
                                        CookieNames.PLAIN_SESSION,
                                        CookieNames.PLAIN_LOGIN,
                                        "other")
                                + "=" + cookieValue(fuzz)));
    }

    private static String cookieValue(FuzzInput fuzz) {
        return switch (fuzz.upTo(3)) {
            case 0 -> fuzz.string(FuzzInput.PRINTABLE, 100).replace(";", "");
            case 1 -> fuzz.base64Junk(600);
            case 2 ->
                fuzz.pick("v1", "v2", "v0", "") + "." + fuzz.string("abcdefghijklmnopqrstuvwxyz", 3) + "."
                        + fuzz.base64Junk(400);
            default -> fuzz.pick("", "=", "\"\"", "v1..", "v1.k.", "A".repeat(7000));
        };
    }

    /** Printable ASCII, spaces and tabs: anything a header may hold without ending the request. */
    private static String headerValue(FuzzInput fuzz) {
        if (fuzz.chance(0.5)) {
            return fuzz.string(FuzzInput.PRINTABLE + " \t", 120);
        }
        return fuzz.pick(
                "bogus",
                "unknown",
                "203.0.113.9",
                "2001:db8::1",
                "[2001:db8::1]:443",
                "1.2.3.4, bogus, 127.0.0.1",
                "for=\"[2001:db8::1]\";proto=https",
                "https",
                "evil.example",
                "null");
    }

    // --- how it is sent ---

    private Answer send(String requestHead) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Host: " + server.getHost() + ":" + server.getPort()
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(socket.getInputStream());
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> cookies = new ArrayList<>();
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
                    cookies.add(line.substring(11).trim());
                }
            }
            return new Answer(status, cookies);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        assertFalse(text.isEmpty(), "the server answered");
        return text;
    }
}
