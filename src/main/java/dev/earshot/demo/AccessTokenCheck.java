package dev.earshot.demo;

import jakarta.inject.Singleton;
import java.util.Set;

/** Lets a Web API request through only with a live sandbox access token carrying the scope it needs. */
@Singleton
final class AccessTokenCheck {

    private final DemoTokenCodec codec;
    private final DemoClock clock;

    AccessTokenCheck(DemoTokenCodec codec, DemoClock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** The token's scopes; throws {@link WebApiFailure} (401) unless the header holds a valid access token. */
    Set<String> scopes(String authorization) {
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        DemoToken token = codec.open(bearer)
                .filter(opened -> opened.kind() == DemoToken.Kind.ACCESS)
                .orElseThrow(() -> new WebApiFailure(401, "Invalid access token"));
        if (token.expiredAt(clock.instant())) {
            throw new WebApiFailure(401, "The access token expired");
        }
        return token.scopes();
    }

    /** As {@link #scopes}, and a 403 unless the token holds one of {@code anyOf}. */
    void require(String authorization, String... anyOf) {
        Set<String> granted = scopes(authorization);
        for (String scope : anyOf) {
            if (granted.contains(scope)) {
                return;
            }
        }
        throw new WebApiFailure(403, "Insufficient client scope");
    }
}
