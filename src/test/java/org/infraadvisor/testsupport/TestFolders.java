package org.infraadvisor.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Rules and conversations folders for tests: the shipped ones plus the test-only {@code widget-test} flow and its
 * sample rules (src/test/resources/widget-test), copied under target/ so that nothing shipped is touched.
 */
public final class TestFolders {

    private TestFolders() {
    }

    /** Properties that point a test application at fresh copies of the folders. */
    public static Map<String, Object> properties() {
        return properties("widget-test");
    }

    /** The same with another fixture folder under src/test/resources (its {@code rules/} and {@code conversations/}, where present). */
    public static Map<String, Object> properties(String fixture) {
        Path root = Path.of("target", fixture, UUID.randomUUID().toString()).toAbsolutePath();
        Path rules = root.resolve("rules");
        Path conversations = root.resolve("conversations");
        Path fixtures = Path.of("src", "test", "resources", fixture);
        copy(Path.of("rules"), rules);
        copy(fixtures.resolve("rules"), rules);
        copy(Path.of("conversations"), conversations);
        copy(fixtures.resolve("conversations"), conversations);
        return Map.of("advisor.rules.dir", rules.toString(), "advisor.conversations.dir", conversations.toString());
    }

    private static void copy(Path from, Path to) {
        if (Files.isDirectory(from)) { // a fixture need not have both folders
            Folders.copy(from, to);
        }
    }
}
