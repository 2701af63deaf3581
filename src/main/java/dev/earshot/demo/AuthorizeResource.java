package dev.earshot.demo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The sandbox's sign-in page, standing in for {@code https://accounts.spotify.com/authorize}. */
@Path(DemoSandbox.ACCOUNTS_PATH)
public class AuthorizeResource {

    /** The pages, type-checked at build time against templates/AuthorizeResource/. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consent(ConsentPage page);

        static native TemplateInstance rejected(String message);
    }

    // Under the package, not META-INF/resources: only this endpoint serves it, so the gate covers it.
    private static final String STYLESHEET = "dev/earshot/demo/consent.css";

    private final AuthorizationCodes codes;
    private final DemoClock clock;
    private final String stylesheet;

    AuthorizeResource(AuthorizationCodes codes, DemoClock clock) {
        this.codes = codes;
        this.clock = clock;
        this.stylesheet = readStylesheet();
    }

    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(
            @QueryParam("client_id") String clientId,
            @QueryParam("response_type") String responseType,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("scope") String scope,
            @QueryParam("state") String state,
            @QueryParam("code_challenge_method") String codeChallengeMethod,
            @QueryParam("code_challenge") String codeChallenge) {
        // show_dialog needs no handling: the sandbox always asks, so the demo always shows the page.
        AuthorizationRequest request = new AuthorizationRequest(
                clientId, responseType, redirectUri, scope, state, codeChallengeMethod, codeChallenge);
        return refusal(request)
                .orElseGet(
                        () -> page(Templates.consent(ConsentPage.of(request)), 200, formTargets(request.redirect())));
    }

    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(
            @FormParam("client_id") String clientId,
            @FormParam("response_type") String responseType,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("scope") String scope,
            @FormParam("state") String state,
            @FormParam("code_challenge_method") String codeChallengeMethod,
            @FormParam("code_challenge") String codeChallenge,
            @FormParam("decision") String decision) {
        // The hidden fields come back from the browser, so they are as untrusted as the first request.
        AuthorizationRequest request = new AuthorizationRequest(
                clientId, responseType, redirectUri, scope, state, codeChallengeMethod, codeChallenge);
        Optional<Response> refusal = refusal(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if ("allow".equals(decision)) {
            String code = codes.issue(new AuthorizationGrant(
                    request.clientId(), request.redirectUri(), request.scopes(), request.challenge(), clock.instant()));
            return backToApp(request, "code", code);
        }
        if ("cancel".equals(decision)) {
            return backToApp(request, "error", "access_denied");
        }
        return page(Templates.rejected("Choose Allow or Cancel."), 400, "'none'");
    }

    @GET
    @Path("consent.css")
    @Produces("text/css")
    public Response stylesheet() {
        return Response.ok(stylesheet)
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    private Optional<Response> refusal(AuthorizationRequest request) {
        return request.rejection()
                .map(message -> page(Templates.rejected(message), 400, "'none'"))
                .or(() -> request.redirectError().map(error -> backToApp(request, "error", error)));
    }

    private static Response backToApp(AuthorizationRequest request, String name, String value) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put(name, value);
        answer.put("state", request.state());
        return Response.seeOther(new CallbackRedirect(request.redirectUri()).with(answer))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static Response page(TemplateInstance template, int status, String formAction) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.render())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                // A consent page must never be framed (clickjacking); the form may only post here and
                // follow the redirect to the app.
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; img-src 'self'; " + "form-action " + formAction
                                + "; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private static String formTargets(URI redirect) {
        // CSP host sources cannot name IPv6 literals, so [::1] falls back to its bare scheme.
        return "'self' "
                + (redirect.getHost().startsWith("[")
                        ? redirect.getScheme() + ":"
                        : redirect.getScheme() + "://" + redirect.getRawAuthority());
    }

    private static String readStylesheet() {
        try (InputStream in = AuthorizeResource.class.getClassLoader().getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + STYLESHEET);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
