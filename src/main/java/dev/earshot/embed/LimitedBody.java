package dev.earshot.embed;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read only up to a size limit: past it the download is cancelled, so an oversized
 * or endless body never sits in memory. Empty when the body is too large or fails.
 */
final class LimitedBody implements BodySubscriber<Optional<byte[]>> {

    private final int maxBytes;
    private final CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private LimitedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Accepts at most {@code maxBytes}. */
    static LimitedBody upTo(int maxBytes) {
        return new LimitedBody(maxBytes);
    }

    /** Reads nothing: for a response already known to be useless, whatever its size. */
    static LimitedBody refused() {
        return new LimitedBody(-1);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (maxBytes < 0) {
            give(Optional.empty());
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if ((long) received.size() + buffer.remaining() > maxBytes) {
                give(Optional.empty());
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.complete(Optional.empty());
    }

    @Override
    public void onComplete() {
        result.complete(Optional.of(received.toByteArray()));
    }

    @Override
    public CompletionStage<Optional<byte[]>> getBody() {
        return result;
    }

    private void give(Optional<byte[]> body) {
        subscription.cancel();
        result.complete(body);
    }
}
