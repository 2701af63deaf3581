package dev.earshot.demo;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sandbox listener's sign-in as a refresh token, which demo mode hands the app as its owner's
 * account — the way a deployer would set {@code SPOTIFY_REFRESH_TOKEN} from a real sign-in.
 */
@ApplicationScoped
public class DemoOwnerToken {

    private static final Set<String> SCOPES = Set.of("user-read-currently-playing", "user-read-recently-played", "user-top-read");

    private final DemoTokenCodec codec;
    private final DemoClock clock;
    private final SecureRandom random = new SecureRandom();

    DemoOwnerToken(DemoTokenCodec codec, DemoClock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    public String refreshToken() {
        var now = clock.instant();
        var ends = now.atOffset(ZoneOffset.UTC).plusMonths(TokenResource.SIGN_IN_MONTHS).toInstant();
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        return codec.seal(new DemoToken(DemoToken.Kind.REFRESH, now, ends, SCOPES,
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)));
    }
}
