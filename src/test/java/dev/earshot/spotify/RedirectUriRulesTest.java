package dev.earshot.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spotify's redirect URI rules as SPOTIFY.md gives them. */
class RedirectUriRulesTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "ACCEPTED",
            value = {
                "https://earshot.example.com/api/callback, ACCEPTED",
                "http://127.0.0.1:8080/api/callback, ACCEPTED",
                "http://[::1]:8080/api/callback, ACCEPTED",
                "HTTPS://Earshot.Example.com/api/callback, ACCEPTED",
                "http://localhost:8080/api/callback, INSECURE",
                "http://earshot.example.com/api/callback, INSECURE",
                "http://192.168.1.20:8080/api/callback, INSECURE",
                "https://earshot.example.com/api/callback#top, INVALID",
                "https://user@earshot.example.com/api/callback, INVALID",
                "/api/callback, INVALID",
                "earshot.example.com/api/callback, INVALID",
                "ftp://earshot.example.com/api/callback, INVALID",
                "'https://earshot.example.com/a b', INVALID",
            })
    void refusesWhatSpotifyRefuses(String uri, RedirectUriRules.Refusal expected) {
        assertEquals(Optional.ofNullable(expected), RedirectUriRules.refusal(uri));
    }
}
