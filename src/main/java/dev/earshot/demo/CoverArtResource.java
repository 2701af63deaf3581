package dev.earshot.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Serves the sandbox's generated album, show, artist and avatar art, standing in for {@code https://i.scdn.co}. */
@Path(DemoSandbox.ART_PATH)
public class CoverArtResource {

    @GET
    @Path("{id: [A-Za-z0-9_-]{1,64}}.svg")
    @Produces("image/svg+xml")
    public Response art(@PathParam("id") String id) {
        // The art of an id never changes, so browsers may keep it.
        return Response.ok(CoverArt.svg(id))
                .header("Cache-Control", "public, max-age=86400, immutable")
                // Opened directly, an SVG is a document: let it run nothing.
                .header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
