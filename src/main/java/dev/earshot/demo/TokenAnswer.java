package dev.earshot.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A successful answer of {@code POST /api/token}, in Spotify's field names. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TokenAnswer(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("scope") String scope,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {}
