package dev.earshot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Browser;
import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The import page in a real browser against the packaged jar in demo mode: reached from the dashboard, a file chosen
 * with the picker or dropped on the drop zone uploads with a progress bar and shows its result per file, and the
 * sample export of the demo sandbox imports through the same endpoint.
 */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
class ImportBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static boolean signedIn;

    @BeforeEach
    void onTheImportPage() {
        if (!signedIn) {
            SignInSteps.signInToDemo(browser);
            signedIn = true;
        }
        browser.open("/dashboard");
        browser.driver().findElement(By.linkText("Import your Spotify history")).click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                "the import page",
                driver -> browser.path().equals("/history/import"));
        assertTrue(
                browser.driver().findElement(By.id("import-privacy")).getText().contains("never stored"));
    }

    @Test
    void aChosenFileUploadsWithAProgressBarAndShowsItsResult() throws Exception {
        Path file = Files.createTempDirectory("import-it").resolve("Streaming_History_Audio_2021_0.json");
        Files.writeString(
                file,
                "[" + ExportFiles.track("2021-06-01T10:00:00Z", 120_000, "spotify:track:it1", "<demons>", "IT") + ","
                        + ExportFiles.audiobook("2021-06-01T11:00:00Z", 100_000) + "]");
        browser.driver().findElement(By.id("import-file")).sendKeys(file.toString());
        assertEquals(
                "Streaming_History_Audio_2021_0.json",
                browser.driver().findElement(By.id("import-chosen")).getText());
        browser.driver().findElement(By.id("import-submit")).click();

        List<String> cells = resultRow("Streaming_History_Audio_2021_0.json");
        assertEquals("extended", cells.get(1));
        assertEquals("2", cells.get(2), "rows");
        assertEquals("1", cells.get(5), "skipped: the audiobook");
        assertEquals(1, Integer.parseInt(cells.get(3)) + Integer.parseInt(cells.get(4)), "new or already known");
        assertFalse(browser.driver().findElement(By.id("import-progress")).getAttribute("hidden") != null);
        assertEquals(
                "100",
                browser.driver().findElement(By.id("import-progress-bar")).getAttribute("value"));
        assertEquals(
                "Done.",
                browser.driver().findElement(By.id("import-progress-text")).getText());
        assertEquals("/history/import", browser.path(), "the script uploaded it; the page stayed");
    }

    @Test
    void aDroppedFileUploadsAndABadOneIsNamedWithItsReason() {
        browser.script("const data = new DataTransfer();"
                + "data.items.add(new File(['[{\"ts\": broken'], 'Streaming_History_Audio_2022_0.json'));"
                + "data.items.add(new File(['"
                + ExportFiles.music("2022-01-01 10:00", "IT", "Drop", 40_000).replace("'", "\\'")
                + "'.replace(/^/, '[').concat(']')], 'StreamingHistory_music_0.json'));"
                + "const zone = document.getElementById('import-drop');"
                + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));"
                + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));");
        assertTrue(browser.driver()
                .findElement(By.id("import-chosen"))
                .getText()
                .contains("StreamingHistory_music_0.json"));
        browser.driver().findElement(By.id("import-submit")).click();

        List<String> bad = resultRow("Streaming_History_Audio_2022_0.json");
        assertTrue(bad.get(6).contains("not valid JSON"), bad.toString());
        List<String> good = resultRow("StreamingHistory_music_0.json");
        assertEquals("account-music", good.get(1));
        assertEquals("", good.get(6));
    }

    @Test
    void theSampleExportImportsThroughTheSameEndpoint() {
        WebElement sample = browser.driver().findElement(By.id("import-sample"));
        assertTrue(sample.isDisplayed(), "the demo offers its sample export");
        sample.click();
        List<String> extended =
                resultRow("Spotify Extended Streaming History/Streaming_History_Audio_2023-2026_0.json");
        assertEquals("extended", extended.get(1));
        List<String> video = resultRow("Spotify Extended Streaming History/Streaming_History_Video_2024-2026.json");
        assertEquals("ignored", video.get(1));
        assertEquals(
                "Done.",
                browser.driver().findElement(By.id("import-progress-text")).getText());
    }

    /** Waits for the result table to have a row for this file, and answers its cells. */
    private static List<String> resultRow(String name) {
        return browser.waitUntil(Duration.ofSeconds(60), () -> "a result row for " + name, driver -> {
            for (WebElement row : driver.findElements(By.cssSelector("#import-files tr"))) {
                List<String> cells = row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList();
                if (!cells.isEmpty() && cells.get(0).equals(name)) {
                    return cells;
                }
            }
            return null;
        });
    }
}
