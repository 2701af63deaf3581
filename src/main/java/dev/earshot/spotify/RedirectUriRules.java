package dev.earshot.spotify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which redirect URIs Spotify accepts (SPOTIFY.md): absolute, no user info or fragment, HTTPS — or
 * plain HTTP to a loopback IP literal only; {@code http://localhost} is refused since 2025.
 * The app checks its own configured URI against them (the demo sandbox, which knows nothing of the app,
 * enforces the same rules on its side).
 */
public final class RedirectUriRules {

    /** Why Spotify would refuse a redirect URI: its authorize page says "Invalid" or "Insecure redirect URI". */
    public enum Refusal {
        INVALID,
        INSECURE
    }

    private RedirectUriRules() {}

    public static Optional<Refusal> refusal(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return Optional.of(Refusal.INVALID);
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of(Refusal.INVALID);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopbackLiteral(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(scheme.equals("http") ? Refusal.INSECURE : Refusal.INVALID);
    }

    private static boolean isLoopbackLiteral(String host) {
        return host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
