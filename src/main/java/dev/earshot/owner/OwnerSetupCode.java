package dev.earshot.owner;

import dev.earshot.config.OwnerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The one-time code printed to the log at start while nobody can tell who the owner is (no
 * {@code EARSHOT_OWNER_ID}, no owner connected): whoever can read the server's log runs the server,
 * so they may connect the owner's account with it. It expires ({@code EARSHOT_OWNER_SETUP_CODE_LIFETIME},
 * 30 minutes), works once, and is gone as soon as an owner is connected (S27) — old logs open nothing.
 */
@ApplicationScoped
public class OwnerSetupCode {

    /** What trying a code found. */
    public enum Check {
        ACCEPTED,
        WRONG,
        EXPIRED
    }

    private static final Logger LOG = Logger.getLogger(OwnerSetupCode.class);
    /** No 0/O or 1/I/L: the code is typed in by hand from a log. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Issued(String code, Instant expiresAt) {}

    private final Duration lifetime;
    private final Clock clock;
    /** The live code; null before one is issued, once used, and once an owner is connected. */
    private Issued issued;

    OwnerSetupCode(OwnerConfig config, Clock clock) {
        this.lifetime = config.setupCodeLifetime();
        this.clock = clock;
    }

    void announce(@Observes StartupEvent event, OwnerAccount owner) {
        if (owner.connectNeedsSetupCode()) {
            Issued code = issue();
            LOG.infof(
                    "Owner setup code: %s (valid once, for %d minutes, until %s UTC; enter it at /owner/connect to make your "
                            + "Spotify account the owner's, or set EARSHOT_OWNER_ID)",
                    code.code(), lifetime.toMinutes(), TIME.format(code.expiresAt()));
        }
    }

    /** Connected: the code has done its job, and must not open anything for whoever reads the log later. */
    void discardOnConnect(@Observes OwnerConnected event) {
        discard();
    }

    /** How long a code lasts, for the page that explains an expired one. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Checks {@code candidate}; an accepted code is used up. An expired or used code answers EXPIRED whatever is typed. */
    public synchronized Check check(String candidate) {
        if (issued == null) {
            return Check.EXPIRED;
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            issued = null;
            return Check.EXPIRED;
        }
        String normalised = candidate == null
                ? ""
                : candidate.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!MessageDigest.isEqual(
                issued.code().getBytes(StandardCharsets.US_ASCII), normalised.getBytes(StandardCharsets.UTF_8))) {
            return Check.WRONG;
        }
        issued = null;
        return Check.ACCEPTED;
    }

    synchronized Issued issue() {
        issued = new Issued(newCode(), clock.instant().plus(lifetime));
        return issued;
    }

    synchronized void discard() {
        issued = null;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            if (i == 4) {
                code.append('-');
            } else {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }
}
