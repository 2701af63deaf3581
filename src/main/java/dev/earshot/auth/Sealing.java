package dev.earshot.auth;

import dev.earshot.config.SessionConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one {@link CookieSealer} from the configured secrets. */
@Singleton
public class Sealing {

    @Produces
    @Singleton
    CookieSealer cookieSealer(SessionConfig config) {
        // StartupCheck has already refused to start without a usable secret.
        return new CookieSealer(new SealingKeys(config.secret().orElseThrow(), config.secretPrevious()));
    }
}
