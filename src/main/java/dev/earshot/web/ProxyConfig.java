package dev.earshot.web;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Quarkus's own proxy settings, read as Quarkus applies them, so the rate limit sees the client address
 * Quarkus does. application.properties sets them from {@code EARSHOT_PROXY_FORWARDING} (default false)
 * and {@code EARSHOT_TRUSTED_PROXIES} (default loopback); their defaults live there only.
 */
@ConfigMapping(prefix = "quarkus.http.proxy")
public interface ProxyConfig {

    boolean proxyAddressForwarding();

    boolean allowXForwarded();

    Optional<List<String>> trustedProxies();
}
