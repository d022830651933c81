package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.FlowParser;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Assumption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link RuleSet} from the rules folder ({@code **}{@code /*.drl} and {@code catalogue/*.yaml}) and the
 * conversations folder ({@code *.yaml}). Either everything is valid and a RuleSet is returned, or a
 * {@link DefinitionException} lists every problem with file and line.
 */
public final class RuleSetLoader {

    public static final String ACCELERATORS_FILE = "catalogue/accelerators.yaml";
    public static final String ASSUMPTIONS_FILE = "catalogue/assumptions.yaml";

    private RuleSetLoader() {
    }

    public static RuleSet load(Path rulesDir, Path conversationsDir) {
        return load(rulesDir, conversationsDir, KieBaseCache.DISABLED);
    }

    /**
     * @param kieBaseCacheDir where compiled rules are kept between runs, keyed by a hash of the DRL; a hit skips the
     *                        DRL compiler. Null: always compile. Only entries written by this JVM are used.
     */
    public static RuleSet load(Path rulesDir, Path conversationsDir, Path kieBaseCacheDir) {
        return load(rulesDir, conversationsDir, new KieBaseCache(kieBaseCacheDir, KieBaseDigests.PROCESS));
    }

    /**
     * @param digests where the digests of the entries this service wrote are kept (the service: its database); an entry
     *                is used only when its digest is recorded there
     */
    public static RuleSet load(Path rulesDir, Path conversationsDir, Path kieBaseCacheDir, KieBaseDigests digests) {
        return load(rulesDir, conversationsDir, new KieBaseCache(kieBaseCacheDir, digests));
    }

    /**
     * Keeps the compiled rules of a rule set in the cache, replacing whatever entry its DRL's key had (a reload compiles
     * without the cache; this makes the next start use what the reload compiled).
     */
    public static void keep(RuleSet ruleSet, Path kieBaseCacheDir, KieBaseDigests digests) {
        if (kieBaseCacheDir != null && !ruleSet.sources().isEmpty()) {
            DrlCompiler.keep(ruleSet.sources(), ruleSet.kieBase(), new KieBaseCache(kieBaseCacheDir, digests));
        }
    }

    private static RuleSet load(Path rulesDir, Path conversationsDir, KieBaseCache cache) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, String> drl = read(rulesDir, ".drl", problems);
        Map<String, String> conversations = read(conversationsDir, ".yaml", problems);
        if (drl.isEmpty() && problems.isEmpty()) {
            problems.add(new DefinitionProblem(display(rulesDir), 0, "no .drl files found"));
        }
        if (conversations.isEmpty() && problems.isEmpty()) {
            problems.add(new DefinitionProblem(display(conversationsDir), 0, "no conversation .yaml files found"));
        }

        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : conversations.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
            try {
                Flow flow = FlowParser.parse(e.getValue(), e.getKey(), name);
                flows.put(flow.id(), flow);
            } catch (DefinitionException ex) {
                problems.addAll(ex.problems());
            }
        }
        List<Accelerator> accelerators = catalogue(rulesDir, ACCELERATORS_FILE, problems,
                (file, text) -> CatalogueLoader.accelerators(file, text, problems));
        List<Assumption> assumptions = catalogue(rulesDir, ASSUMPTIONS_FILE, problems,
                (file, text) -> CatalogueLoader.assumptions(file, text, problems));
        List<String> phases = catalogue(rulesDir, PhasesFile.FILE, problems, (file, text) -> PhasesFile.parse(file, text, problems));
        flows.replaceAll((id, flow) -> FlowDefaults.resolve(flow, assumptions, problems));
        DrlCompiler.Compiled compiled = drl.isEmpty() ? null : DrlCompiler.compile(drl, problems, cache);
        if (!problems.isEmpty() || compiled == null) {
            throw new DefinitionException(problems);
        }
        Map<String, String> hashed = new TreeMap<>(drl);
        hashed.putAll(conversations);
        hashed.putAll(read(rulesDir.resolve("catalogue"), ".yaml", problems));
        hashed.put(PhasesFile.FILE, String.join("\n", phases));
        return new RuleSet(hash(hashed), Instant.now(), compiled.kieBase(), Map.copyOf(flows), List.copyOf(accelerators),
                List.copyOf(assumptions), compiled.rules(), java.util.Collections.unmodifiableMap(new TreeMap<>(drl)),
                List.copyOf(phases));
    }

    private static <T> List<T> catalogue(Path rulesDir, String relative, List<DefinitionProblem> problems,
                                         java.util.function.BiFunction<String, String, List<T>> parse) {
        Path file = rulesDir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            String name = rulesDir.getFileName() == null ? relative : rulesDir.getFileName() + "/" + relative;
            return parse.apply(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new DefinitionProblem(display(file), 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
    }

    /** Reads every file with the suffix below {@code dir}, keyed by display name, in a stable order. */
    static Map<String, String> read(Path dir, String suffix, List<DefinitionProblem> problems) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new DefinitionProblem(display(dir), 0, "folder not found (working directory: "
                    + Path.of("").toAbsolutePath() + ")"));
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(suffix) && !hidden(dir, p))
                    .sorted().toList()) {
                files.put(display(dir.getFileName() == null ? p : dir.getFileName().resolve(dir.relativize(p))),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            problems.add(new DefinitionProblem(display(dir), 0, "cannot read: " + e.getMessage()));
        }
        return files;
    }

    /**
     * Files under a folder whose name starts with a dot are skipped: a Kubernetes ConfigMap volume links each
     * file to its real copy under {@code ..data/} and {@code ..2024_…/}, which would otherwise be read twice.
     */
    private static boolean hidden(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
