package dev.earshot.demo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An OAuth error answer of {@code POST /api/token}, shaped like Spotify's. */
record TokenError(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription) {}
