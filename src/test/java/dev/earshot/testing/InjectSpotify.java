package dev.earshot.testing;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a test field that {@link WireMockSpotify} fills: a {@link FakeSpotify} (the scripted facade) or the
 * {@code WireMockServer} itself, started once per Quarkus start.
 */
@Retention(RUNTIME)
@Target(FIELD)
public @interface InjectSpotify {}
