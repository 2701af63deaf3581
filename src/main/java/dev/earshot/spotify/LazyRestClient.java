package dev.earshot.spotify;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A REST client built on first use: in demo mode Spotify's address is the app's own, known only
 * once the HTTP server listens. Timeouts on every call (R01); statuses are read by us, not mapped.
 */
final class LazyRestClient<T> {

    private final Class<T> type;
    private final Supplier<URI> baseUri;
    private final SpotifyEndpoints endpoints;
    private volatile T client;

    LazyRestClient(Class<T> type, Supplier<URI> baseUri, SpotifyEndpoints endpoints) {
        this.type = type;
        this.baseUri = baseUri;
        this.endpoints = endpoints;
    }

    T get() {
        T current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = QuarkusRestClientBuilder.newBuilder()
                            .baseUri(baseUri.get())
                            .connectTimeout(endpoints.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(endpoints.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .build(type);
                    client = current;
                }
            }
        }
        return current;
    }
}
