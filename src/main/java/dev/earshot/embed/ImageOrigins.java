package dev.earshot.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The origins album art may be fetched from (S23). A URL passes only when its scheme, host and port
 * equal a listed origin's exactly, as {@link URI} parses them, so look-alikes such as
 * {@code https://i.scdn.co.evil.com/} or {@code https://i.scdn.co@evil.com/} never pass.
 */
final class ImageOrigins {

    private static final Logger LOG = Logger.getLogger(ImageOrigins.class);

    /** Longer URLs are not album art; refusing them also bounds the cache keys. */
    private static final int MAX_URL_LENGTH = 2048;

    private record Origin(String scheme, String host, int port) {

        static Optional<Origin> of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")
                    || uri.getRawUserInfo() != null
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
        }
    }

    private final Set<Origin> allowed;

    private ImageOrigins(Set<Origin> allowed) {
        this.allowed = allowed;
    }

    /**
     * The configured origins. An entry with anything but scheme, host and port (a path other than
     * {@code /}, a query, user info) is ignored with a warning: a narrower allow-list is the safe mistake.
     */
    static ImageOrigins of(List<String> configured) {
        Set<Origin> allowed = new LinkedHashSet<>();
        for (String entry : configured) {
            Optional<Origin> origin = parseOrigin(entry.strip());
            if (origin.isEmpty()) {
                LOG.warnf(
                        "EARSHOT_IMAGE_ORIGINS: ignoring '%s', which is not an origin like https://i.scdn.co/", entry);
            } else {
                if (origin.get().scheme().equals("http")) {
                    LOG.infof(
                            "EARSHOT_IMAGE_ORIGINS lists the plain-http origin %s; album art from it is not protected in transit",
                            entry);
                }
                allowed.add(origin.get());
            }
        }
        return new ImageOrigins(Set.copyOf(allowed));
    }

    /** The URL to fetch, when {@code url} is absolute, well-formed and on an allowed origin. */
    Optional<URI> check(String url) {
        if (url == null || url.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            return Origin.of(uri).filter(allowed::contains).map(origin -> uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Origin> parseOrigin(String entry) {
        try {
            URI uri = new URI(entry);
            String path = uri.getRawPath();
            boolean bare = (path == null || path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            return bare ? Origin.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
