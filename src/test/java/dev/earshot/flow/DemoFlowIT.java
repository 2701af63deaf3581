package dev.earshot.flow;

import dev.earshot.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The demo flow against the packaged jar, in the production profile. */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
public class DemoFlowIT extends DemoFlowTest {}
