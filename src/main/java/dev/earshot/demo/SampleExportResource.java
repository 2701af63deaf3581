package dev.earshot.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The sandbox's sample data export, as Spotify's "Download your data" would deliver it (demo mode only). */
@Path(DemoSandbox.EXPORT_PATH)
public class SampleExportResource {

    @GET
    @Path("my_spotify_data.zip")
    @Produces("application/zip")
    public Response export() {
        StreamingOutput zip = out -> SampleExport.write(out, SampleExport.DEMO_SEED, SampleExport.DEMO_ROWS);
        return Response.ok(zip)
                .header("Content-Disposition", "attachment; filename=\"my_spotify_data.zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
