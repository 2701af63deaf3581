package dev.earshot.owner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.earshot.config.OwnerConfig;
import dev.earshot.demo.DemoMode;
import io.quarkus.runtime.StartupEvent;

/**
 * A one-time code printed to the log at start when {@code EARSHOT_OWNER_ID} is unset: whoever can
 * read the server's log runs the server, so they may connect the owner's account with it.
 */
@ApplicationScoped
public class OwnerSetupCode {

    private static final Logger LOG = Logger.getLogger(OwnerSetupCode.class);
    /** No 0/O or 1/I/L: the code is typed in by hand from a log. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final boolean needed;
    private final String code;

    OwnerSetupCode(OwnerConfig config, DemoMode demo) {
        this.needed = config.id().filter(id -> !id.isBlank()).isEmpty() && !demo.enabled();
        this.code = needed ? newCode() : null;
    }

    void announce(@Observes StartupEvent event) {
        if (needed) {
            LOG.infof("Owner setup code: %s (one-time; enter it at /owner/connect to make your Spotify account the owner's, "
                    + "or set EARSHOT_OWNER_ID)", code);
        }
    }

    /** True when connecting the owner needs the code (no owner id configured, not in demo mode). */
    public boolean needed() {
        return needed;
    }

    public boolean matches(String candidate) {
        if (!needed || candidate == null) {
            return false;
        }
        String normalised = candidate.trim().toUpperCase().replace(" ", "");
        return MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII), normalised.getBytes(StandardCharsets.UTF_8));
    }

    private static String newCode() {
        SecureRandom random = new SecureRandom();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            if (i == 4) {
                code.append('-');
            } else {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }
}
