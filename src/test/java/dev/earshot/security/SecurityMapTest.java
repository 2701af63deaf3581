package dev.earshot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps SECURITY.md true: every {@code TestClass#method} it names is a test method that exists, and every
 * requirement in force (S01–S30, R01–R13) has a row naming at least one test.
 */
class SecurityMapTest {

    private static final Path MAP = Path.of("SECURITY.md");
    private static final Path TEST_CLASSES = Path.of("target/test-classes");
    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]+)#([A-Za-z0-9_]+)`");

    @Test
    void everyTestNamedInTheMapExists() throws IOException {
        Map<String, String> classesBySimpleName = testClasses();
        List<String> missing = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(Files.readString(MAP));
        int checked = 0;
        while (reference.find()) {
            String className = classesBySimpleName.get(reference.group(1));
            if (className == null || !hasMethod(className, reference.group(2))) {
                missing.add(reference.group(1) + "#" + reference.group(2));
            }
            checked++;
        }
        assertTrue(checked > 100, "the map names its tests: " + checked);
        assertEquals(List.of(), missing, "SECURITY.md names tests that do not exist");
    }

    @Test
    void everyRequirementInForceHasATest() throws IOException {
        List<String> rows = Files.readAllLines(MAP).stream()
                .filter(line -> line.startsWith("| "))
                .toList();
        List<String> untested = new ArrayList<>();
        for (String requirement : requirementsInForce()) {
            boolean tested = rows.stream()
                    .anyMatch(row -> row.startsWith("| " + requirement + " |")
                            && REFERENCE.matcher(row).find());
            if (!tested) {
                untested.add(requirement);
            }
        }
        assertEquals(List.of(), untested, "requirements without a test in SECURITY.md");
    }

    private static List<String> requirementsInForce() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            ids.add(String.format("S%02d", i));
        }
        ids.add("S26");
        ids.add("S27");
        ids.add("S28");
        // Share links (issue 12).
        ids.add("S29");
        ids.add("S30");
        for (int i = 1; i <= 12; i++) {
            ids.add(String.format("R%02d", i));
        }
        // The recorder (issue 11).
        ids.add("R13");
        return ids;
    }

    private static Map<String, String> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(TEST_CLASSES)) {
            return files.map(TEST_CLASSES::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toMap(
                            name -> name.substring(name.lastIndexOf('.') + 1), name -> name, (a, b) -> a));
        }
    }

    private static boolean hasMethod(String className, String method) {
        try {
            return Arrays.stream(Class.forName(className, false, SecurityMapTest.class.getClassLoader())
                            .getDeclaredMethods())
                    .map(Method::getName)
                    .anyMatch(method::equals);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
