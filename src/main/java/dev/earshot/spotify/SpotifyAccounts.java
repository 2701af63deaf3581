package dev.earshot.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletionStage;

/**
 * Spotify's token endpoint: trades an authorization code or a refresh token for tokens, and fails
 * closed on anything but a well-formed Bearer answer (S08).
 */
@ApplicationScoped
public class SpotifyAccounts {

    private final SpotifyEndpoints endpoints;
    private final SpotifyAnswers answers;
    private final Clock clock;
    private final LazyRestClient<AccountsClient> client;

    SpotifyAccounts(
            SpotifyEndpoints endpoints,
            ObjectMapper json,
            Clock clock,
            MeterRegistry metrics,
            SpotifyQuietPeriod quiet) {
        this.endpoints = endpoints;
        this.answers = new SpotifyAnswers(json, clock, metrics, quiet);
        this.clock = clock;
        this.client = new LazyRestClient<>(AccountsClient.class, endpoints::accountsUrl, endpoints);
    }

    /** The authorization-code grant, with the PKCE verifier and the same redirect URI as the authorize request (S04). */
    public CompletionStage<TokenGrant> exchangeCode(String code, String redirectUri, String codeVerifier) {
        Form form = new Form()
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("redirect_uri", redirectUri)
                .param("code_verifier", codeVerifier);
        return post(form);
    }

    /** The refresh-token grant; the answer's refresh token is null when Spotify kept the old one. */
    public CompletionStage<TokenGrant> refresh(String refreshToken) {
        Form form = new Form()
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken)
                .param("client_id", endpoints.clientId());
        return post(form);
    }

    private CompletionStage<TokenGrant> post(Form form) {
        return answers.send("token", () -> client.get().token(basicAuthorization(), form))
                .thenApply(this::grantFrom);
    }

    private TokenGrant grantFrom(Response response) {
        try (response) {
            int status = response.getStatus();
            boolean json = SpotifyAnswers.isJson(response);
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status == 200 && json) {
                return validGrant(answers.tree(body));
            }
            if ((status == 400 || status == 401) && json) {
                JsonNode error = answers.tree(body).path("error");
                throw new SpotifyException.GrantRejected(error.isTextual() ? error.asText() : "unknown_error");
            }
            if (status == 200 || status == 400 || status == 401) {
                throw new SpotifyException.Unavailable("Spotify's token answer was not JSON (status " + status + ")");
            }
            throw answers.forStatus(response);
        }
    }

    private TokenGrant validGrant(JsonNode answer) {
        JsonNode accessToken = answer.path("access_token");
        JsonNode tokenType = answer.path("token_type");
        JsonNode expiresIn = answer.path("expires_in");
        JsonNode refreshToken = answer.path("refresh_token");
        if (!accessToken.isTextual()
                || accessToken.asText().isBlank()
                || !tokenType.isTextual()
                || !"bearer".equalsIgnoreCase(tokenType.asText())
                || !expiresIn.isIntegralNumber()
                || expiresIn.asLong() <= 0) {
            throw new SpotifyException.Unavailable("Spotify's token answer was incomplete");
        }
        Instant expiresAt = clock.instant().plusSeconds(expiresIn.asLong());
        String rotated = refreshToken.isTextual() && !refreshToken.asText().isBlank() ? refreshToken.asText() : null;
        return new TokenGrant(accessToken.asText(), expiresAt, rotated);
    }

    private String basicAuthorization() {
        String pair = endpoints.clientId() + ":" + endpoints.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
