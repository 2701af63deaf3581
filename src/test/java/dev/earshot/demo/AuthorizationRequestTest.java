package dev.earshot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static AuthorizationRequest to(String redirectUri) {
        return new AuthorizationRequest(
                DemoSandbox.CLIENT_ID, "code", redirectUri, "user-top-read", "s", "S256", CHALLENGE);
    }

    @Test
    void httpsAndLoopbackIpLiteralsAreAccepted() {
        assertEquals(
                Optional.empty(), to("https://earshot.example/api/callback").rejection());
        assertEquals(Optional.empty(), to("http://127.0.0.1:8080/api/callback").rejection());
        assertEquals(Optional.empty(), to("http://[::1]:8080/api/callback").rejection());
    }

    @Test
    void localhostAndOtherPlainHttpAreInsecure() {
        assertEquals(
                Optional.of("INVALID_CLIENT: Insecure redirect URI"),
                to("http://localhost:8080/api/callback").rejection());
        assertEquals(
                Optional.of("INVALID_CLIENT: Insecure redirect URI"),
                to("http://earshot.example/api/callback").rejection());
    }

    @Test
    void malformedOrMissingRedirectUrisAreInvalid() {
        for (String bad : new String[] {
            "",
            "/api/callback",
            "not a uri",
            "https://earshot.example/cb#frag",
            "https://user@earshot.example/cb",
            "javascript:alert(1)"
        }) {
            assertEquals(Optional.of("INVALID_CLIENT: Invalid redirect URI"), to(bad).rejection(), bad);
        }
    }

    @Test
    void anUnknownClientIsRefused() {
        AuthorizationRequest request =
                new AuthorizationRequest("someone-else", "code", "https://earshot.example/cb", "", "", "", "");
        assertEquals(Optional.of("INVALID_CLIENT: Invalid client"), request.rejection());
    }

    @Test
    void otherMistakesGoBackToTheApp() {
        String uri = "https://earshot.example/cb";
        assertEquals(
                Optional.of("unsupported_response_type"),
                new AuthorizationRequest(DemoSandbox.CLIENT_ID, "token", uri, "", "", "", "").redirectError());
        assertEquals(
                Optional.of("invalid_request"),
                new AuthorizationRequest(DemoSandbox.CLIENT_ID, "code", uri, "", "", "plain", CHALLENGE)
                        .redirectError());
        assertEquals(
                Optional.of("invalid_request"),
                new AuthorizationRequest(DemoSandbox.CLIENT_ID, "code", uri, "", "", "S256", "").redirectError());
        assertEquals(
                Optional.of("invalid_request"),
                new AuthorizationRequest(DemoSandbox.CLIENT_ID, "code", uri, "", "", "S256", "short").redirectError());
        assertEquals(
                Optional.empty(),
                new AuthorizationRequest(DemoSandbox.CLIENT_ID, "code", uri, "", "", "", "").redirectError());
    }

    @Test
    void scopesAreSplitOnWhitespaceWithoutRepeats() {
        AuthorizationRequest request = new AuthorizationRequest(
                DemoSandbox.CLIENT_ID,
                "code",
                "https://e.example/cb",
                "  user-top-read\tuser-read-recently-played user-top-read ",
                "",
                "",
                "");
        assertEquals(Set.of("user-top-read", "user-read-recently-played"), request.scopes());
    }

    @Test
    void callbackParametersAreEncodedAndAppended() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", "abc");
        answer.put("state", "a b&c=d/é");
        assertEquals(
                URI.create("http://127.0.0.1:8080/cb?code=abc&state=a%20b%26c%3Dd%2F%C3%A9"),
                new CallbackRedirect("http://127.0.0.1:8080/cb").with(answer));
        assertEquals(
                URI.create("https://e.example/cb?x=1&code=abc&state=a%20b%26c%3Dd%2F%C3%A9"),
                new CallbackRedirect("https://e.example/cb?x=1").with(answer));
        answer.put("state", "");
        assertEquals(
                URI.create("https://e.example/cb?code=abc"), new CallbackRedirect("https://e.example/cb").with(answer));
    }
}
