package dev.earshot.demo;

import java.util.List;

/** What the consent page shows, and the request its form carries back. */
record ConsentPage(String appName, String accountName, List<RequestedScope> scopes, AuthorizationRequest request) {

    static ConsentPage of(AuthorizationRequest request) {
        return new ConsentPage(
                DemoSandbox.CLIENT_NAME, DemoListener.DISPLAY_NAME, RequestedScope.describe(request.scopes()), request);
    }
}
