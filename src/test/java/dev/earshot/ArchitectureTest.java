package dev.earshot;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;

import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.earshot.spotify.SpotifyException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The package graph of DESIGN.md, pinned: pages → services → clients, {@code web} a leaf everyone may use,
 * {@code spotify} and {@code demo} knowing nothing of the app, and Spotify's wire records stopping at
 * {@code listening}. A new feature gets its own package and a line in {@link #MAY_USE}.
 */
class ArchitectureTest {

    /** The app's own classes as compiled, without the tests (which may reach into anything). */
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.earshot");

    /** Each app package and the app packages it may use; any other is out of bounds, and so is a package not listed. */
    static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            // Pages: the signed-in pages, the owner's account and setup pages, the public widget.
            entry("dashboard", List.of("auth", "listening", "owner", "history", "web", "config")),
            entry("owner", List.of("auth", "spotify", "listening", "web", "config", "database")),
            entry("embed", List.of("owner", "listening", "web", "config")),
            // Memory: the recorder, the export importer, history queries and their pages and API.
            entry("history", List.of("auth", "spotify", "listening", "owner", "web", "config", "database")),
            // Listening over time: the history pages and the artist page; the recap, its card and share links.
            entry("historypages", List.of("auth", "figures", "charts", "history", "web", "config")),
            entry(
                    "recap",
                    List.of(
                            "auth",
                            "figures",
                            "charts",
                            "history",
                            "historypages",
                            "embed",
                            "web",
                            "config",
                            "database")),
            // The figures those pages show, read from the database (plays and their rollups), never from Spotify.
            entry("figures", List.of("history", "database", "config")),
            // Services: sign-in and sessions; the listening model and its caches, the only readers of wire records.
            entry("auth", List.of("spotify", "listening", "web", "config", "database")),
            entry("listening", List.of("spotify", "web", "config")),
            // Clients and the sandbox speak Spotify's protocol and know nothing of the app.
            entry("spotify", List.of()),
            entry("demo", List.of()),
            // The leaves: cross-cutting HTTP; configuration, which says which Spotify to call
            // (spotify.SpotifyEndpoints); the database, which says where data lives and how to reach it.
            entry("web", List.of()),
            // Charts drawn on the server as inline SVG with a table of the same data: plain data in, markup out
            // (names made safe by web.SvgText, the one escaping of every SVG).
            entry("charts", List.of("web")),
            entry("config", List.of("spotify")),
            entry("database", List.of("config")));

    /**
     * Spotify's wire records: the Jackson records in {@code dev.earshot.spotify} that mirror Spotify's JSON,
     * all named {@code Spotify*} ({@code SpotifyUser}, {@code SpotifyImage}, {@code SpotifyItem}, ...). Not wire
     * records: the client's own API ({@code SpotifyAccounts}, {@code SpotifyWebApi}, {@code AccessTokens},
     * {@code TokenGrant}, {@code SpotifyException}, {@code RetryAfter}, {@code SpotifyQuietPeriod}, ...).
     */
    static final DescribedPredicate<JavaClass> WIRE_RECORDS = DescribedPredicate.describe(
            "Spotify's wire records (records in dev.earshot.spotify named Spotify*)",
            type -> type.getPackageName().equals("dev.earshot.spotify")
                    && type.isRecord()
                    && type.getSimpleName().startsWith("Spotify"));

    @Test
    void packagesUseOnlyTheArrowsOfTheDesign() {
        packageGraph().check(APP);
    }

    @Test
    void everyPackageHasItsLineInTheGraph() {
        classes()
                .should()
                .resideInAnyPackage(MAY_USE.keySet().stream()
                        .map(name -> "dev.earshot." + name + "..")
                        .toArray(String[]::new))
                .because("a new feature gets its own package and a line in MAY_USE")
                .check(APP);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.earshot.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void wireRecordsStopAtListening() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.earshot.spotify..", "dev.earshot.listening..")
                .should()
                .dependOnClassesThat(WIRE_RECORDS)
                .because("templates, JSON endpoints, sign-in and the owner see only the app's own model (DESIGN.md)")
                .check(APP);
    }

    @Test
    void everyJacksonMappedSpotifyTypeIsAWireRecord() {
        classes()
                .that()
                .resideInAPackage("dev.earshot.spotify")
                .and()
                .areAnnotatedWith(JsonNaming.class)
                .should()
                .beRecords()
                .andShould()
                .haveSimpleNameStartingWith("Spotify")
                .because("the wire-record rule finds Spotify's JSON by that name")
                .check(APP);
    }

    @Test
    void spotifyKnowsNothingOfTheApp() {
        noClasses()
                .that()
                .resideInAPackage("dev.earshot.spotify..")
                .should()
                .dependOnClassesThat(appOutside("spotify"))
                .because("the clients speak Spotify's protocol and nothing else (DESIGN.md)")
                .check(APP);
    }

    @Test
    void demoKnowsNothingOfTheApp() {
        noClasses()
                .that()
                .resideInAPackage("dev.earshot.demo..")
                .should()
                .dependOnClassesThat(appOutside("demo"))
                .because("the sandbox plays Spotify, so configuration alone can swap it for the real one (DESIGN.md)")
                .check(APP);
    }

    @Test
    void webIsALeaf() {
        noClasses()
                .that()
                .resideInAPackage("dev.earshot.web..")
                .should()
                .dependOnClassesThat(appOutside("web"))
                .because("cross-cutting HTTP is used by every feature and uses none (DESIGN.md)")
                .check(APP);
    }

    @Test
    void pagesDoNotMakeUpSpotifyFailures() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.earshot.dashboard..", "dev.earshot.embed..")
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "the constructor of a SpotifyException",
                        (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(SpotifyException.class)))
                .because(
                        "a SpotifyException means Spotify answered so; a page that finds a session ended says so to SessionGuard")
                .check(APP);
    }

    @Test
    void sha256HasOnePlaceInTheAppAndOneInTheSandbox() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.earshot.web.Sha256")
                .and()
                .doNotHaveFullyQualifiedName("dev.earshot.demo.SandboxDigest")
                .should()
                .callMethod(MessageDigest.class, "getInstance", String.class)
                .because(
                        "the app hashes through web.Sha256; the sandbox, which may use nothing of the app, through its own SandboxDigest")
                .check(APP);
    }

    private static ArchRule packageGraph() {
        LayeredArchitecture graph = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : MAY_USE.keySet()) {
            graph = graph.layer(name).definedBy("dev.earshot." + name + "..");
        }
        for (var row : MAY_USE.entrySet()) {
            String[] allowed = row.getValue().toArray(String[]::new);
            graph = allowed.length == 0
                    ? graph.whereLayer(row.getKey()).mayNotAccessAnyLayer()
                    : graph.whereLayer(row.getKey()).mayOnlyAccessLayers(allowed);
        }
        return graph;
    }

    private static DescribedPredicate<JavaClass> appOutside(String name) {
        return resideInAPackage("dev.earshot..")
                .and(resideOutsideOfPackage("dev.earshot." + name + ".."))
                .as("classes of the app outside dev.earshot." + name);
    }
}
