package org.infraadvisor.openapi;

import org.infraadvisor.testsupport.Tree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The API document the service serves at {@link #PATH}, as generated at compile time, read for tests. */
public final class ApiDocument {

    /** Where the generator writes the document: {@code infra-advisor-api-<API version>.yml}, served under /openapi. */
    static final String FOLDER = "META-INF/swagger";
    static final String RESOURCE = FOLDER + "/" + fileName();
    public static final String PATH = "/openapi/" + fileName();
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocument() {
    }

    /** The document's file name, whatever API version it carries (the version is in {@code @Info} on Application). */
    static String fileName() {
        try {
            List<String> names = new ArrayList<>();
            for (URL folder : Collections.list(ApiDocument.class.getClassLoader().getResources(FOLDER))) {
                if (folder.getProtocol().equals("file")) {
                    try (var files = Files.list(Path.of(folder.toURI()))) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.matches("infra-advisor-api-.*\\.yml")).forEach(names::add);
                    }
                }
            }
            if (names.size() != 1) {
                throw new IllegalStateException("expected one API document in " + FOLDER + " on the classpath (mvn compile), found " + names);
            }
            return names.get(0);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text() {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: compile first (mvn compile)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Tree root() {
        return Tree.yaml(text());
    }

    /** Every operation as "METHOD /path" → its object. */
    public static Map<String, Tree> operations() {
        Map<String, Tree> operations = new LinkedHashMap<>();
        root().get("paths").map().forEach((path, item) -> item.map().forEach((method, op) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, op);
            }
        }));
        return operations;
    }

    /** Where a path of the document is served: templates such as {id} stand for one path segment. */
    public static boolean matches(String template, String path) {
        return path.matches(template.replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\."));
    }
}
