package dev.earshot.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every route the app has, and checks the headers S18–S20 ask of its kind. The list of routes is
 * compared with the resource methods found in the compiled classes, so a new {@code @Path} that is not
 * listed here fails this test until someone decides which headers it must send.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class RouteHeadersTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /** What a route is, which decides the headers it owes. */
    enum Kind {
        /** HTML for a person (or about their sign-in): S18 in full. */
        PAGE,
        /** JSON about the signed-in person: not stored, no CORS. */
        PERSONAL_JSON,
        /** The one cookie-free public JSON endpoint: the only one with CORS (S20). */
        PUBLIC_JSON,
        /** The owner's widget page: frameable, cookie-free (S19). */
        EMBED,
        /** The owner's SVG card: its own strict policy, cookie-free (S19). */
        SVG,
        /** What a share link shows (S29): unlisted, never stored, cookie-free even for a visitor who has one. */
        SHARED,
        /** The demo sandbox, off in this profile: it answers nothing, but still with the base headers. */
        DEMO_OFF,
        /** Static files and operations endpoints: base headers. */
        OTHER
    }

    /** One route: its method and template as the code declares it, its kind, and a request that reaches it. */
    record Route(String declared, Kind kind, Function<RequestSpecification, Response> request) {}

    private String session;
    /** A listener of its own: signing out everywhere ends every session of its listener. */
    private String everywhereSession;
    /** A listener of its own for the recap's card: it must answer the card, not a sign-in redirect. */
    private String recapSession;

    @BeforeEach
    void signIn() {
        spotify.resetWithSampleListener();
        session = Sessions.sealed(Sessions.valid("access-routes", "refresh-routes"));
        everywhereSession = Sessions.sealed(Sessions.valid("access-everywhere", "refresh-everywhere"));
        recapSession = Sessions.sealed(Sessions.valid("access-recap", "refresh-recap"));
    }

    private List<Route> routes() {
        return List.of(
                new Route("GET /", Kind.PAGE, r -> r.get("/")),
                new Route(
                        "GET /dashboard",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/dashboard")),
                new Route("GET /login", Kind.PAGE, r -> r.get("/login")),
                new Route("GET /api/callback", Kind.PAGE, r -> r.get("/api/callback?code=x&state=y")),
                new Route(
                        "GET /logout",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/logout")),
                new Route(
                        "POST /logout",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .post("/logout")),
                new Route(
                        "POST /logout/everywhere",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, everywhereSession)
                                .header("Sec-Fetch-Site", "same-origin")
                                .post("/logout/everywhere")),
                new Route("GET /owner/connect", Kind.PAGE, r -> r.get("/owner/connect")),
                new Route(
                        "POST /owner/connect",
                        Kind.PAGE,
                        r -> r.header("Sec-Fetch-Site", "same-origin")
                                .formParam("code", "WRONG-CODE")
                                .post("/owner/connect")),
                new Route("GET /setup", Kind.PAGE, r -> r.get("/setup")),
                new Route(
                        "GET /api/me/now-playing",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session).get("/api/me/now-playing")),
                new Route(
                        "POST /api/me/history/recording",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .formParam("enabled", "false")
                                .post("/api/me/history/recording")),
                new Route(
                        "GET /api/me/history/summary",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session).get("/api/me/history/summary")),
                new Route(
                        "GET /api/me/history/export",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session).get("/api/me/history/export?format=csv")),
                new Route(
                        "DELETE /api/me/history",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .delete("/api/me/history")),
                new Route(
                        "GET /history/forget",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/history/forget")),
                new Route(
                        "POST /history/forget",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .post("/history/forget")),
                new Route("GET /api/now-playing", Kind.PUBLIC_JSON, r -> r.get("/api/now-playing")),
                new Route(
                        "GET /recap",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/recap?year=2024")),
                new Route(
                        "GET /recap.svg",
                        Kind.SVG,
                        r -> r.cookie(CookieNames.SESSION, recapSession).get("/recap.svg?year=2024")),
                new Route(
                        "POST /share",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .formParam("kind", "recap")
                                .post("/share")),
                new Route(
                        "POST /share/revoke",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .formParam("handle", "00000000-1")
                                .post("/share/revoke")),
                new Route(
                        "GET /share/{id}",
                        Kind.SHARED,
                        r -> r.cookie(CookieNames.SESSION, session).get("/share/" + "A".repeat(43))),
                new Route(
                        "GET /share/{id}/card.svg",
                        Kind.SHARED,
                        r -> r.cookie(CookieNames.SESSION, session).get("/share/" + "A".repeat(43) + "/card.svg")),
                new Route(
                        "GET /api/me/shares",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session).get("/api/me/shares")),
                new Route(
                        "POST /api/me/shares",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .contentType("application/json")
                                .body("{\"kind\":\"recap\"}")
                                .post("/api/me/shares")),
                new Route(
                        "DELETE /api/me/shares/{handle}",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .delete("/api/me/shares/00000000-1")),
                new Route(
                        "GET /history/import",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/history/import")),
                new Route(
                        "GET /history",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/history")),
                new Route(
                        "GET /history/artist",
                        Kind.PAGE,
                        r -> r.cookie(CookieNames.SESSION, session).get("/history/artist?name=Nobody")),
                new Route(
                        "POST /api/me/history/import",
                        Kind.PERSONAL_JSON,
                        r -> r.cookie(CookieNames.SESSION, session)
                                .header("Sec-Fetch-Site", "same-origin")
                                .accept("application/json")
                                .multiPart("file", "notes.txt", new byte[] {'x'})
                                .post("/api/me/history/import")),
                new Route(
                        "GET /demo/spotify/export/my_spotify_data.zip",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/export/my_spotify_data.zip")),
                new Route("GET /embed/now-playing", Kind.EMBED, r -> r.get("/embed/now-playing")),
                new Route("GET /embed/now-playing.svg", Kind.SVG, r -> r.get("/embed/now-playing.svg")),
                new Route(
                        "GET /demo/spotify/accounts/authorize",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/accounts/authorize")),
                new Route(
                        "POST /demo/spotify/accounts/authorize",
                        Kind.DEMO_OFF,
                        r -> r.post("/demo/spotify/accounts/authorize")),
                new Route(
                        "GET /demo/spotify/accounts/consent.css",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/accounts/consent.css")),
                new Route(
                        "POST /demo/spotify/accounts/api/token",
                        Kind.DEMO_OFF,
                        r -> r.post("/demo/spotify/accounts/api/token")),
                new Route("GET /demo/spotify/api/v1/me", Kind.DEMO_OFF, r -> r.get("/demo/spotify/api/v1/me")),
                new Route(
                        "GET /demo/spotify/api/v1/me/player/currently-playing",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/api/v1/me/player/currently-playing")),
                new Route(
                        "GET /demo/spotify/api/v1/me/player/recently-played",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/api/v1/me/player/recently-played")),
                new Route(
                        "GET /demo/spotify/api/v1/me/top/tracks",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/api/v1/me/top/tracks")),
                new Route(
                        "GET /demo/spotify/api/v1/me/top/artists",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/api/v1/me/top/artists")),
                new Route(
                        "GET /demo/spotify/art/{id: [A-Za-z0-9_-]{1,64}}.svg",
                        Kind.DEMO_OFF,
                        r -> r.get("/demo/spotify/art/abc.svg")),
                new Route("POST /demo/spotify/remote/next", Kind.DEMO_OFF, r -> r.post("/demo/spotify/remote/next")),
                new Route("POST /demo/spotify/remote/pause", Kind.DEMO_OFF, r -> r.post("/demo/spotify/remote/pause")),
                new Route("POST /demo/spotify/remote/play", Kind.DEMO_OFF, r -> r.post("/demo/spotify/remote/play")),
                new Route(
                        "POST /demo/spotify/remote/restart",
                        Kind.DEMO_OFF,
                        r -> r.post("/demo/spotify/remote/restart")));
    }

    /** Routes no resource class declares: error pages, static files, operations. */
    private static List<Route> otherRoutes() {
        return List.of(
                new Route("GET /no-such-page", Kind.PAGE, r -> r.get("/no-such-page")),
                new Route("PUT /dashboard", Kind.PAGE, r -> r.put("/dashboard")),
                new Route("GET /css/earshot.css", Kind.OTHER, r -> r.get("/css/earshot.css")),
                new Route("GET /js/now-playing.js", Kind.OTHER, r -> r.get("/js/now-playing.js")),
                new Route("GET /img/earshot.svg", Kind.OTHER, r -> r.get("/img/earshot.svg")),
                new Route("GET /q/health", Kind.OTHER, r -> r.get("/q/health")),
                new Route("GET /q/health/live", Kind.OTHER, r -> r.get("/q/health/live")),
                new Route("GET /q/health/ready", Kind.OTHER, r -> r.get("/q/health/ready")),
                new Route("GET /q/metrics", Kind.OTHER, r -> r.get("/q/metrics")));
    }

    @Test
    void everyDeclaredRouteIsListedHere() throws IOException {
        Set<String> listed = routes().stream().map(Route::declared).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                declaredRoutes(),
                listed,
                "a route was added or removed: list it in routes() with the headers its kind owes");
    }

    @Test
    void s18_s19_s20_everyRouteSendsTheHeadersItsKindOwes() {
        for (Route route :
                Stream.concat(routes().stream(), otherRoutes().stream()).toList()) {
            Response response = route.request().apply(given().redirects().follow(false));
            String where = route.declared() + " (" + response.statusCode() + ")";
            assertTrue(
                    response.statusCode() < 500 || route.kind() == Kind.PUBLIC_JSON,
                    where + " answered " + response.statusCode());
            assertEquals("nosniff", response.header("X-Content-Type-Options"), where);
            assertNotNull(response.header("Referrer-Policy"), where);
            if (route.kind() != Kind.PUBLIC_JSON) {
                assertNull(response.header("Access-Control-Allow-Origin"), "S20: no CORS on " + where);
            }
            switch (route.kind()) {
                case PAGE -> assertPersonalPage(response, where);
                case PERSONAL_JSON ->
                    assertTrue(response.header("Cache-Control").contains("no-store"), "S18 no-store on " + where);
                case PUBLIC_JSON -> {
                    assertEquals("*", response.header("Access-Control-Allow-Origin"), "S20 on " + where);
                    assertCookieFree(response, where);
                }
                case EMBED -> {
                    String policy = response.header("Content-Security-Policy");
                    assertTrue(policy.contains("frame-ancestors *"), "S19 frameable: " + where + ": " + policy);
                    assertNull(response.header("X-Frame-Options"), "S19 frameable: " + where);
                    assertCookieFree(response, where);
                }
                case SVG -> {
                    assertEquals(SVG_POLICY, response.header("Content-Security-Policy"), "S19 on " + where);
                    assertTrue(
                            response.contentType().startsWith("image/svg+xml"), where + ": " + response.contentType());
                    assertCookieFree(response, where);
                }
                case SHARED -> {
                    assertPersonalPage(response, where);
                    assertEquals("noindex, nofollow", response.header("X-Robots-Tag"), "S29 on " + where);
                    assertCookieFree(response, where);
                }
                case DEMO_OFF -> assertEquals(404, response.statusCode(), where);
                case OTHER -> assertNotNull(response.header("Content-Security-Policy"), where);
            }
        }
    }

    /** S18: not stored, no inline script, no plugins, no base rewriting, not framed. */
    private static void assertPersonalPage(Response response, String where) {
        assertTrue(response.header("Cache-Control").contains("no-store"), "S18 no-store on " + where);
        String policy = response.header("Content-Security-Policy");
        assertNotNull(policy, where);
        String scripts = Arrays.stream(policy.split(";"))
                .map(String::trim)
                .filter(d -> d.startsWith("script-src "))
                .findFirst()
                .orElse("");
        assertTrue(
                scripts.contains("'self'") && !scripts.contains("'unsafe-inline'"),
                "S18 script-src on " + where + ": " + policy);
        for (String directive : List.of("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")) {
            assertTrue(policy.contains(directive), "S18 " + directive + " on " + where + ": " + policy);
        }
    }

    /** S19: a public embed neither sets nor needs cookies. */
    private static void assertCookieFree(Response response, String where) {
        assertFalse(response.headers().hasHeaderWithName("Set-Cookie"), "S19 no Set-Cookie on " + where);
    }

    /** Every resource method in the compiled app, as {@code METHOD /template}; REST client interfaces left out. */
    private Set<String> declaredRoutes() throws IOException {
        Path classes = Path.of("target/classes");
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file)
                        .toString()
                        .replace(File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isInterface()) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        String template = (root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                        routes.add(verb + " "
                                + (template.length() > 1 && template.endsWith("/")
                                        ? template.substring(0, template.length() - 1)
                                        : template));
                    }
                }
            }
        }
        return routes;
    }

    private static String verb(Method method) {
        for (var annotation :
                List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class)) {
            if (method.isAnnotationPresent(annotation)) {
                return annotation.getSimpleName();
            }
        }
        return null;
    }
}
