package dev.earshot.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spotify whose address never completes a TCP connection: a listening socket that never accepts,
 * with its accept queue filled up first, so the kernel drops further connection attempts and a
 * client's connect hangs until its own connect timeout gives up (R01).
 */
public class SilentSpotify implements QuarkusTestResourceLifecycleManager {

    private ServerSocket listening;
    private final List<Socket> queueFillers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            listening = new ServerSocket(0, 1, loopback);
            // Linux queues backlog + 1 finished handshakes; a few more make sure the queue is full.
            for (int i = 0; i < 4; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(new InetSocketAddress(loopback, listening.getLocalPort()), 200);
                    queueFillers.add(filler);
                } catch (IOException queueFull) {
                    filler.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + listening.getLocalPort();
        return Map.of(
                "spotify.accounts-url", url,
                "spotify.api-url", url,
                "spotify.client-id", "silent-client-id",
                "spotify.client-secret", "silent-client-secret",
                "spotify.connect-timeout", "1s",
                // Far longer than the test waits: only the connect timeout can end the wait in time.
                "spotify.read-timeout", "60s",
                "earshot.demo", "false");
    }

    @Override
    public void stop() {
        try {
            for (Socket filler : queueFillers) {
                filler.close();
            }
            if (listening != null) {
                listening.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
