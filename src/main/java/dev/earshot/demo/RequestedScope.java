package dev.earshot.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scope as the consent page lists it: in plain words when the sandbox knows it, verbatim otherwise. */
record RequestedScope(String name, String description) {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "user-read-currently-playing", "See what you're playing right now",
            "user-read-recently-played", "See your recently played tracks",
            "user-top-read", "See your top artists and tracks",
            "user-read-playback-state", "See what's playing and on which device");

    public boolean known() {
        return description != null;
    }

    static List<RequestedScope> describe(Set<String> scopes) {
        return scopes.stream()
                .map(scope -> new RequestedScope(scope, DESCRIPTIONS.get(scope)))
                .toList();
    }
}
