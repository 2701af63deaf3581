package dev.earshot.owner;

import dev.earshot.auth.SignInStarter;
import dev.earshot.config.DatabaseConfig;
import dev.earshot.config.ModeConfig;
import dev.earshot.config.SpotifySettings;
import dev.earshot.config.StorageConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /setup}: walks a newcomer through registering the Spotify app and connecting the owner's
 * account. Only in dev and demo mode, or with {@code EARSHOT_SETUP=true}: elsewhere it does not exist.
 * The details the public health checks keep to themselves (the owner, where the token comes from, when
 * its sign-in ends, where it is kept) are shown here.
 */
@Path("/setup")
public class SetupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(
                String redirectUri,
                String redirectUriProblem,
                String scopes,
                OwnerStatus owner,
                String dataDir,
                boolean postgresql,
                boolean demo);
    }

    private final SpotifySettings spotify;
    private final OwnerAccount owner;
    private final String dataDir;
    private final boolean postgresql;
    private final boolean demo;
    private final boolean enabled;

    SetupResource(
            SpotifySettings spotify,
            OwnerAccount owner,
            StorageConfig storage,
            DatabaseConfig database,
            ModeConfig mode) {
        this.spotify = spotify;
        this.owner = owner;
        this.dataDir = storage.dataDir().toAbsolutePath().normalize().toString();
        this.postgresql = database.postgresql();
        this.demo = mode.demo();
        this.enabled = mode.setup() || demo || LaunchMode.current() == LaunchMode.DEVELOPMENT;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String setup() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return Templates.setup(
                        spotify.redirectUri(),
                        spotify.redirectUriProblem().orElse(null),
                        SignInStarter.SCOPES,
                        owner.status(),
                        dataDir,
                        postgresql,
                        demo)
                .render();
    }
}
