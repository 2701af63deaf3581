package dev.earshot.owner;

import java.nio.file.Path;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import dev.earshot.auth.SignInStarter;
import dev.earshot.config.SpotifySettings;
import dev.earshot.demo.DemoMode;

/**
 * {@code GET /setup}: walks a newcomer through registering the Spotify app and connecting the owner's
 * account. Only in dev and demo mode, or with {@code EARSHOT_SETUP=true}: elsewhere it does not exist.
 */
@jakarta.ws.rs.Path("/setup")
public class SetupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(String redirectUri, String redirectUriProblem, String scopes, OwnerStatus owner,
                boolean connected, String dataDir, boolean demo);
    }

    private final SpotifySettings spotify;
    private final OwnerAccount owner;
    private final DemoMode demo;
    private final boolean enabled;
    private final Path dataDir;

    SetupResource(SpotifySettings spotify, OwnerAccount owner, DemoMode demo,
            @ConfigProperty(name = "earshot.setup", defaultValue = "false") boolean setup,
            @ConfigProperty(name = "earshot.data-dir", defaultValue = "data") Path dataDir) {
        this.spotify = spotify;
        this.owner = owner;
        this.demo = demo;
        this.enabled = setup || demo.enabled() || LaunchMode.current() == LaunchMode.DEVELOPMENT;
        this.dataDir = dataDir;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String setup(@QueryParam("connected") boolean connected) {
        if (!enabled) {
            throw new NotFoundException();
        }
        return Templates.setup(spotify.redirectUri(), spotify.redirectUriProblem().orElse(null), SignInStarter.SCOPES, owner.status(), connected,
                dataDir.toAbsolutePath().normalize().toString(), demo.enabled()).render();
    }
}
