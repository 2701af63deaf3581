package dev.earshot.embed;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.earshot.config.ImageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Album art for the SVG card, fetched server-side and handed back as a {@code data:} URI, because
 * the card may reference nothing outside itself (S19). Only allow-listed origins, only raster
 * images, within a size and time limit (S23); anything else is an empty result and the card draws
 * its placeholder. Results are cached per URL and concurrent fetches of one URL share one request.
 *
 * <p>Uses the JDK's {@link HttpClient}: it needs no Vert.x context, so the bean works (and is
 * tested) outside Quarkus, and its body subscribers let a download be cancelled the moment it
 * passes the size limit.
 */
@ApplicationScoped
public class AlbumArtFetcher {

    private static final Logger LOG = Logger.getLogger(AlbumArtFetcher.class);

    /** Spotify's art for an image URL never changes; an hour keeps memory use modest. */
    private static final Duration SUCCESS_LIFETIME = Duration.ofHours(1);
    /** Failures are retried soon, but not on every card request while the CDN has a bad minute. */
    private static final Duration FAILURE_LIFETIME = Duration.ofMinutes(1);
    /** Cached characters of base64 at most: a few hundred covers at Spotify's usual sizes. */
    private static final long CACHE_WEIGHT = 16L * 1024 * 1024;

    private final ImageOrigins origins;
    private final Duration timeout;
    private final int maxBytes;
    private final HttpClient client;
    private final AsyncCache<URI, Optional<String>> cache;

    AlbumArtFetcher(ImageConfig config) {
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("EARSHOT_IMAGE_TIMEOUT must be a positive duration, e.g. 2s");
        }
        this.origins = ImageOrigins.of(config.origins());
        this.timeout = config.timeout();
        this.maxBytes = config.maxBytes();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // A redirect could lead anywhere; Spotify's CDN does not redirect.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(CACHE_WEIGHT)
                .weigher((URI url, Optional<String> dataUri) ->
                        url.toString().length() + dataUri.map(String::length).orElse(0))
                .expireAfter(new Expiry<URI, Optional<String>>() {
                    @Override
                    public long expireAfterCreate(URI url, Optional<String> dataUri, long now) {
                        return (dataUri.isPresent() ? SUCCESS_LIFETIME : FAILURE_LIFETIME).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(URI url, Optional<String> dataUri, long now, long remaining) {
                        return expireAfterCreate(url, dataUri, now);
                    }

                    @Override
                    public long expireAfterRead(URI url, Optional<String> dataUri, long now, long remaining) {
                        return remaining;
                    }
                })
                .buildAsync();
    }

    /**
     * The image at {@code url} as a {@code data:} URI, or empty when it is not allowed, not an
     * image, too large, too slow or missing. Never fails.
     */
    public CompletionStage<Optional<String>> dataUri(String url) {
        Optional<URI> allowed = origins.check(url);
        if (allowed.isEmpty()) {
            // Not cached: junk URLs must not crowd real art out of the cache.
            LOG.debug("Album art not fetched: the URL is not on an allowed origin");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // A copy, so a caller completing or cancelling its future cannot change what others get.
        return cache.get(allowed.get(), (uri, executor) -> fetch(uri)).copy();
    }

    private CompletableFuture<Optional<String>> fetch(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Accept", ImageFormat.ACCEPT)
                    .GET()
                    .build();
            CompletableFuture<HttpResponse<Optional<String>>> exchange = client.sendAsync(request, this::body);
            // The request timeout only covers the wait for headers; this bounds a trickling body too.
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> exchange.cancel(true));
            return exchange.handle((response, failure) -> {
                if (failure != null) {
                    LOG.debugf("Album art not fetched: %s", failure.getClass().getSimpleName());
                    return Optional.empty();
                }
                return response.body();
            });
        } catch (RuntimeException e) {
            LOG.debugf("Album art not fetched: %s", e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    private BodySubscriber<Optional<String>> body(ResponseInfo response) {
        if (response.statusCode() != 200) {
            LOG.debugf("Album art not fetched: status %d", response.statusCode());
            return BodySubscribers.mapping(LimitedBody.refused(), ignored -> Optional.empty());
        }
        Optional<ImageFormat> format = ImageFormat.ofContentType(
                response.headers().firstValue("Content-Type").orElse(null));
        if (format.isEmpty()) {
            LOG.debug("Album art not fetched: not a JPEG, PNG, WebP or GIF image");
            return BodySubscribers.mapping(LimitedBody.refused(), ignored -> Optional.empty());
        }
        if (declaredLength(response) > maxBytes) {
            LOG.debug("Album art not fetched: larger than EARSHOT_IMAGE_MAX_BYTES");
            return BodySubscribers.mapping(LimitedBody.refused(), ignored -> Optional.empty());
        }
        ImageFormat declared = format.get();
        return BodySubscribers.mapping(
                LimitedBody.upTo(maxBytes),
                bytes -> bytes.filter(declared::matches).map(declared::dataUri));
    }

    /** The announced size, if any; a malformed one counts as too large. */
    private static long declaredLength(ResponseInfo response) {
        try {
            return response.headers().firstValueAsLong("Content-Length").orElse(0);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
