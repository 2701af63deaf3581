package dev.earshot.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Limits sign-in starts and callbacks per client address (S24), in fixed one-minute windows: enough
 * for people, too few for scripts hammering Spotify through us. IPv6 clients count by their /64, the
 * block one household or host gets, so rotating through it does not make a new client.
 */
@ApplicationScoped
public class SignInRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(SignInRateLimit.class);

    private record Window(long startEpochSecond, AtomicInteger count) {}

    private final int perMinute;
    private final Clock clock;
    private final ClientAddresses clients;
    private final AtomicBoolean warnedAboutProxy = new AtomicBoolean();
    private final Cache<String, Window> windows =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

    SignInRateLimit(EdgeConfig config, Clock clock, ClientAddresses clients) {
        this.perMinute = config.signInRateLimit();
        this.clock = clock;
        this.clients = clients;
    }

    /** Empty when the client behind this request may go on; otherwise how long it must wait. */
    public Optional<Duration> check(HttpServerRequest request) {
        Optional<InetAddress> client = clients.of(request);
        Optional<Duration> wait = check(client.map(SignInRateLimit::bucketOf).orElse("unknown"));
        if (wait.isPresent()
                && !clients.forwarding()
                && client.filter(SignInRateLimit::looksLikeAProxy).isPresent()
                && warnedAboutProxy.compareAndSet(false, true)) {
            // Behind a proxy without forwarding, every visitor is the proxy: one busy minute locks all of them out.
            LOG.warnf(
                    "Sign-ins from %s, a private address, reached the limit of %d a minute. If Earshot runs behind a reverse "
                            + "proxy, every visitor looks like that proxy and all share one limit: set EARSHOT_PROXY_FORWARDING=true "
                            + "and EARSHOT_TRUSTED_PROXIES to the proxy's address so each visitor is counted apart. (Said once.)",
                    client.get().getHostAddress(), perMinute);
        }
        return wait;
    }

    /** Empty when this bucket (an IPv4 address or an IPv6 /64) may go on; otherwise how long it must wait. */
    private Optional<Duration> check(String bucket) {
        Instant now = clock.instant();
        Window window = windows.get(bucket, key -> new Window(now.getEpochSecond(), new AtomicInteger()));
        if (window.count().incrementAndGet() <= perMinute) {
            return Optional.empty();
        }
        long waited = now.getEpochSecond() - window.startEpochSecond();
        return Optional.of(Duration.ofSeconds(Math.max(1, WINDOW.toSeconds() - waited)));
    }

    static String bucketOf(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** Loopback, private (RFC 1918), link-local or IPv6 unique local: where a reverse proxy usually sits. */
    static boolean looksLikeAProxy(InetAddress address) {
        return address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
    }
}
