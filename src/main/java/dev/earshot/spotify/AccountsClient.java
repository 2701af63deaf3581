package dev.earshot.spotify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/** Spotify's accounts service, raw; {@link SpotifyAccounts} gives its answers meaning. */
@Path("/api")
interface AccountsClient {

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    CompletionStage<Response> token(@HeaderParam("Authorization") String basicAuthorization, Form form);
}
