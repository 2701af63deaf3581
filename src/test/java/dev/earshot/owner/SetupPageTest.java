package dev.earshot.owner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** /setup (on in demo mode) says when the owner's sign-in ends as a person reads it, and where its token comes from. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class SetupPageTest {

    @Test
    void theSignInEndIsADateAPersonReads() {
        String page = given().get("/setup").then().statusCode(200).extract().asString();
        // The demo owner signed in at start-up: Spotify's six months end about six months from now.
        String ends = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                .format(Instant.now().atOffset(ZoneOffset.UTC).plusMonths(6));
        assertTrue(page.contains(">" + ends + ", in 6 months</time>"), page);
        assertFalse(page.matches("(?s).*>\\d{4}-\\d{2}-\\d{2}T[^<]*Z<.*"), "no ISO timestamp as text: " + page);
        assertTrue(page.contains("The token comes from the demo sandbox"), page);
    }
}
