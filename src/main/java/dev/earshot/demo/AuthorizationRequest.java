package dev.earshot.demo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /authorize} (carried again by the consent form), checked the way
 * Spotify checks them. Absent parameters are empty strings.
 */
record AuthorizationRequest(
        String clientId,
        String responseType,
        String redirectUri,
        String scope,
        String state,
        String codeChallengeMethod,
        String codeChallenge) {

    // RFC 7636: 43 to 128 characters of the unreserved set.
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final String INVALID_REDIRECT_URI = "INVALID_CLIENT: Invalid redirect URI";

    AuthorizationRequest {
        clientId = orEmpty(clientId);
        responseType = orEmpty(responseType);
        redirectUri = orEmpty(redirectUri);
        scope = orEmpty(scope);
        state = orEmpty(state);
        codeChallengeMethod = orEmpty(codeChallengeMethod);
        codeChallenge = orEmpty(codeChallenge);
    }

    /**
     * Why the request cannot even be answered at its redirect URI. Spotify shows these on its own
     * error page instead of redirecting, because an unchecked redirect URI would leak codes.
     */
    Optional<String> rejection() {
        if (!DemoSandbox.CLIENT_ID.equals(clientId)) {
            return Optional.of("INVALID_CLIENT: Invalid client");
        }
        return redirectUriRefusal(redirectUri);
    }

    /**
     * Spotify's redirect URI rules (SPOTIFY.md): absolute, no user info or fragment, HTTPS, or plain HTTP to a
     * loopback IP literal only. The app checks its own configuration against the same rules in
     * {@code spotify.RedirectUriRules}; the sandbox states them again because it plays Spotify and knows
     * nothing of the app, as Spotify does not.
     */
    private static Optional<String> redirectUriRefusal(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return Optional.of(INVALID_REDIRECT_URI);
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of(INVALID_REDIRECT_URI);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = uri.getHost().equals("127.0.0.1") || uri.getHost().equals("[::1]");
        if (scheme.equals("https") || scheme.equals("http") && loopback) {
            return Optional.empty();
        }
        return Optional.of(scheme.equals("http") ? "INVALID_CLIENT: Insecure redirect URI" : INVALID_REDIRECT_URI);
    }

    /** The OAuth error to send back to the (valid) redirect URI, if the rest of the request is wrong. */
    Optional<String> redirectError() {
        if (!"code".equals(responseType)) {
            return Optional.of("unsupported_response_type");
        }
        boolean challenged = !codeChallenge.isEmpty();
        boolean methodGiven = !codeChallengeMethod.isEmpty();
        if (challenged != methodGiven
                || methodGiven && !"S256".equals(codeChallengeMethod)
                || challenged && !CHALLENGE.matcher(codeChallenge).matches()) {
            return Optional.of("invalid_request");
        }
        return Optional.empty();
    }

    /** The requested scopes in the order asked, without repeats. */
    Set<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        scopes.remove("");
        return scopes;
    }

    Optional<PkceCheck> challenge() {
        return codeChallenge.isEmpty() ? Optional.empty() : Optional.of(new PkceCheck(codeChallenge));
    }

    /** Only meaningful once {@link #rejection()} is empty. */
    URI redirect() {
        return URI.create(redirectUri);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
