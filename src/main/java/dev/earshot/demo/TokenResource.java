package dev.earshot.demo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** The sandbox's token endpoint, standing in for {@code https://accounts.spotify.com/api/token}. */
@Path(DemoSandbox.ACCOUNTS_PATH + "/api/token")
public class TokenResource {

    /** Since July 2026 Spotify ends every sign-in after six months, however often it was refreshed. */
    static final int SIGN_IN_MONTHS = 6;

    private final AuthorizationCodes codes;
    private final DemoTokenCodec codec;
    private final DemoClock clock;
    private final DemoOwnerSignIn ownerSignIn;
    private final Duration accessTokenLifetime;
    private final SecureRandom random = new SecureRandom();

    TokenResource(
            AuthorizationCodes codes,
            DemoTokenCodec codec,
            DemoClock clock,
            DemoOwnerSignIn ownerSignIn,
            SandboxConfig config) {
        this.codes = codes;
        this.codec = codec;
        this.clock = clock;
        this.ownerSignIn = ownerSignIn;
        this.accessTokenLifetime = config.accessTokenLifetime();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @HeaderParam("Authorization") String authorization,
            @FormParam("grant_type") String grantType,
            @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("code_verifier") String codeVerifier,
            @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        Optional<ClientCredentials> client = ClientCredentials.from(authorization, clientId, clientSecret)
                .filter(ClientCredentials::isSandboxClient)
                // A wrong secret is always refused; a missing one only where PKCE stands in for it (below).
                .filter(credentials -> !credentials.sentSecret() || credentials.hasRightSecret());
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Invalid client");
        }
        if ("authorization_code".equals(grantType)) {
            return exchangeCode(client.get(), code, redirectUri, codeVerifier);
        }
        if ("refresh_token".equals(grantType)) {
            return refresh(refreshToken);
        }
        return error(400, "unsupported_grant_type", "grant_type parameter is missing or unsupported");
    }

    private Response exchangeCode(ClientCredentials client, String code, String redirectUri, String codeVerifier) {
        Optional<AuthorizationGrant> redeemed = codes.redeem(code);
        if (redeemed.isEmpty()) {
            return error(400, "invalid_grant", "Invalid authorization code");
        }
        AuthorizationGrant grant = redeemed.get();
        Instant now = clock.instant();
        if (!now.isBefore(grant.issuedAt().plus(AuthorizationCodes.LIFETIME))) {
            return error(400, "invalid_grant", "Authorization code expired");
        }
        if (!client.hasRightSecret() && grant.challenge().isEmpty()) {
            return error(401, "invalid_client", "Invalid client");
        }
        // Byte for byte, as Spotify compares it.
        if (!grant.redirectUri().equals(redirectUri)) {
            return error(400, "invalid_grant", "Invalid redirect URI");
        }
        if (grant.challenge().isPresent() && !grant.challenge().get().isSatisfiedBy(codeVerifier)) {
            return error(400, "invalid_grant", "code_verifier was incorrect");
        }
        return issue(now, grant.scopes());
    }

    private Response refresh(String refreshToken) {
        if (ownerSignIn.matches(refreshToken)) {
            return ownerSignIn.expiredAt(clock.instant())
                    ? error(400, "invalid_grant", "Refresh token revoked")
                    : issue(ownerSignIn.signedInAt(), DemoOwnerSignIn.SCOPES);
        }
        Optional<DemoToken> opened = codec.open(refreshToken).filter(token -> token.kind() == DemoToken.Kind.REFRESH);
        if (opened.isEmpty()) {
            return error(400, "invalid_grant", "Invalid refresh token");
        }
        DemoToken token = opened.get();
        if (token.expiredAt(clock.instant())) {
            return error(400, "invalid_grant", "Refresh token revoked");
        }
        // The sign-in time carries over: refreshing never extends the six months.
        return issue(token.signedInAt(), token.scopes());
    }

    private Response issue(Instant signedInAt, Set<String> scopes) {
        Instant now = clock.instant();
        String access = codec.seal(
                new DemoToken(DemoToken.Kind.ACCESS, signedInAt, now.plus(accessTokenLifetime), scopes, nonce()));
        Instant signInEnds =
                signedInAt.atOffset(ZoneOffset.UTC).plusMonths(SIGN_IN_MONTHS).toInstant();
        // A new refresh token on every answer while the old one keeps working: the app has to cope with
        // both of Spotify's behaviours (rotating or not), so the sandbox rotates.
        String refresh = codec.seal(new DemoToken(DemoToken.Kind.REFRESH, signedInAt, signInEnds, scopes, nonce()));
        return Response.ok(new TokenAnswer(
                        access, "Bearer", String.join(" ", scopes), accessTokenLifetime.toSeconds(), refresh))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private String nonce() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new TokenError(error, description))
                .header("Cache-Control", "no-store")
                .build();
    }
}
