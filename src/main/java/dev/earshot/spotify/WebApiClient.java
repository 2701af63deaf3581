package dev.earshot.spotify;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/** Spotify's Web API, raw; {@link SpotifyWebApi} gives its answers meaning. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
interface WebApiClient {

    @GET
    CompletionStage<Response> me(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/player/currently-playing")
    CompletionStage<Response> currentlyPlaying(
            @HeaderParam("Authorization") String bearer, @QueryParam("additional_types") String additionalTypes);

    @GET
    @Path("/player/recently-played")
    CompletionStage<Response> recentlyPlayed(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("limit") int limit,
            @QueryParam("after") Long afterMs);

    @GET
    @Path("/top/{type}")
    CompletionStage<Response> top(
            @HeaderParam("Authorization") String bearer,
            @PathParam("type") String type,
            @QueryParam("time_range") String timeRange,
            @QueryParam("limit") int limit);
}
