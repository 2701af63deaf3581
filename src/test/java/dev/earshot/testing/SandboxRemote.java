package dev.earshot.testing;

import static io.restassured.RestAssured.given;

import dev.earshot.demo.DemoSandbox;

/** Presses the sandbox player's buttons from a test, over HTTP like anyone else. */
public final class SandboxRemote {

    private final String baseUrl;

    public SandboxRemote(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Makes the player predictable: the cycle's first song (over four minutes) from the top, playing. */
    public void restart() {
        press("restart");
    }

    public void next() {
        press("next");
    }

    public void pause() {
        press("pause");
    }

    public void play() {
        press("play");
    }

    private void press(String button) {
        given().post(baseUrl + DemoSandbox.REMOTE_PATH + "/" + button).then().statusCode(204);
    }
}
