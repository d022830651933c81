package org.infraadvisor.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Kubernetes the rules and flows come from ConfigMap volumes, which look like this: each file is a link
 * to {@code ..data/<file>}, {@code ..data} links to a timestamped folder holding the real copies, and
 * nested paths (the catalogue) are a link to a folder. The loader must read each file exactly once.
 */
class ConfigMapLayoutTest {

    @TempDir
    Path tmp;

    /** Lays out the files below {@code source} like a ConfigMap volume whose items keep their relative paths. */
    static Path asConfigMapVolume(Path source, Path volume) throws IOException {
        Path real = volume.resolve("..2025_01_31_12_00_00.123456789");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path target = real.resolve(source.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
        Files.createSymbolicLink(volume.resolve("..data"), real.getFileName());
        try (Stream<Path> top = Files.list(real)) {
            for (Path entry : top.toList()) {
                Files.createSymbolicLink(volume.resolve(entry.getFileName()), Path.of("..data").resolve(entry.getFileName()));
            }
        }
        return volume;
    }

    @Test
    void rulesAndFlowsFromConfigMapVolumesLoadOnce() throws IOException {
        // the shipped DRL sits in sub-folders; a ConfigMap is flat except for the catalogue items
        Path flatRules = Files.createDirectories(tmp.resolve("flat-rules/catalogue"));
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(f, flatRules.getParent().resolve(f.getFileName()));
            }
        }
        for (String yaml : List.of("accelerators.yaml", "assumptions.yaml")) {
            Files.copy(Path.of("rules/catalogue", yaml), flatRules.resolve(yaml));
        }
        Path rules = asConfigMapVolume(flatRules.getParent(), Files.createDirectories(tmp.resolve("rules")));
        Path conversations = asConfigMapVolume(Path.of("conversations"), Files.createDirectories(tmp.resolve("conversations")));

        RuleSet fromVolumes = RuleSetLoader.load(rules, conversations);
        RuleSet shipped = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"));

        assertThat(fromVolumes.rules().keySet()).isEqualTo(shipped.rules().keySet());
        assertThat(fromVolumes.flows().keySet()).isEqualTo(shipped.flows().keySet());
        assertThat(fromVolumes.accelerators()).hasSameSizeAs(shipped.accelerators());
        assertThat(fromVolumes.assumptions()).hasSameSizeAs(shipped.assumptions());
    }
}
