package dev.earshot.recap;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The recap page as HTML, one template for the listener's own recap and for a shared one. */
public final class RecapPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance recap(RecapView view);
    }

    private RecapPage() {}

    public static Response.ResponseBuilder of(RecapView view) {
        return Response.ok(Templates.recap(view).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store");
    }
}
