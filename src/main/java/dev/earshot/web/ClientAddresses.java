package dev.earshot.web;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which address a request came from, for the sign-in rate limit (S24). Behind trusted proxies it is the
 * rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy: proxies append, so
 * everything left of that is the client's own say. Quarkus takes the leftmost entry, which a client
 * can forge, so this reads the socket's peer and the header itself, with the same settings
 * ({@code EARSHOT_PROXY_FORWARDING}, {@code EARSHOT_TRUSTED_PROXIES}).
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class);

    /** An address or a CIDR block from the trusted proxies setting. */
    record Block(byte[] network, int prefixBits) {

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final boolean forwarding;
    private final List<Block> trustedProxies;

    ClientAddresses(ProxyConfig proxy) {
        this.forwarding = proxy.proxyAddressForwarding() && proxy.allowXForwarded();
        this.trustedProxies = blocks(proxy.trustedProxies().orElse(List.of()));
    }

    /** Whether {@code X-Forwarded-For} from trusted proxies is honoured at all. */
    public boolean forwarding() {
        return forwarding;
    }

    /** The client's address; empty only when not even the socket's peer is known. */
    public Optional<InetAddress> of(HttpServerRequest request) {
        Optional<InetAddress> peer = peer(request);
        if (!forwarding || peer.isEmpty() || !trusted(peer.get())) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            chain.addAll(List.of(header.split(",")));
        }
        InetAddress client = peer.get();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(chain.get(i));
            if (hop.isEmpty()) {
                // Not an address: nothing from here leftwards can be believed, so the last trusted hop is counted.
                break;
            }
            client = hop.get();
            if (!trusted(client)) {
                break;
            }
        }
        return Optional.of(client);
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    /** The socket's peer: Quarkus's {@code remoteAddress()} already is the forged leftmost entry when forwarding is on. */
    private static Optional<InetAddress> peer(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null
                ? request.remoteAddress()
                : request.connection().remoteAddress();
        return peer == null || peer.hostAddress() == null ? Optional.empty() : parse(peer.hostAddress());
    }

    /**
     * An IP literal as proxies write it ({@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]:443}); empty for anything else. Never asks DNS.
     */
    static Optional<InetAddress> parse(String entry) {
        String address = entry.trim();
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            address = end < 0 ? "" : address.substring(1, end);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        byte[] bytes = address.isEmpty() ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static List<Block> blocks(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("/", 2);
            Optional<InetAddress> address = parse(parts[0]);
            Integer prefix = address.map(a -> prefixBits(parts, a.getAddress().length * 8))
                    .orElse(null);
            if (prefix == null) {
                LOG.warnf(
                        "EARSHOT_TRUSTED_PROXIES entry '%s' is not an IP address or CIDR block: the sign-in rate limit ignores it",
                        entry);
            } else {
                blocks.add(new Block(address.get().getAddress(), prefix));
            }
        }
        return List.copyOf(blocks);
    }

    private static Integer prefixBits(String[] parts, int maxBits) {
        if (parts.length == 1) {
            return maxBits;
        }
        try {
            int bits = Integer.parseInt(parts[1].trim());
            return bits >= 0 && bits <= maxBits ? bits : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
