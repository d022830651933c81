package org.infraadvisor.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compiled KieBases on disk, keyed by a hash of the DRL sources and the Drools version, so that a restart with
 * unchanged rules skips the DRL compiler (the largest part of start-up). Uses Drools' own serialization of the
 * compiled packages (they carry the bytecode of the rules' consequences) plus the bytecode of the types the DRL
 * declares. The cache is only an accelerator: a missing, stale, unreadable or untrusted entry means "compile",
 * never an error.
 * <p>
 * An entry is code, and the cache folder is easier to write to than the rules folder, so an entry is used only when
 * (1) its SHA-256 is one this service recorded for its key when it wrote it ({@link KieBaseDigests}, kept apart from
 * the folder: in the database), (2) it deserialises under {@link KieBaseFilter} (engine classes only), and (3) it
 * holds exactly the rules the DRL names. A planted, copied or corrupt entry fails one of them and is recompiled and
 * replaced.
 */
final class KieBaseCache {

    static final KieBaseCache DISABLED = new KieBaseCache(null, KieBaseDigests.PROCESS);

    private static final Logger LOG = LoggerFactory.getLogger(KieBaseCache.class);
    private static final String FORMAT = "infra-advisor-kiebase-1";
    private static final String SUFFIX = ".kiebase";
    private static final int KEEP = 4;

    private final Path dir;
    private final KieBaseDigests digests;

    /**
     * @param dir     the cache folder, created when first written; null disables the cache
     * @param digests where the digests of the entries this service wrote are kept
     */
    KieBaseCache(Path dir, KieBaseDigests digests) {
        this.dir = dir;
        this.digests = digests;
    }

    KieBaseCache(Path dir) {
        this(dir, KieBaseDigests.PROCESS);
    }

    String key(Map<String, String> sourceByPath) {
        if (dir == null) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, FORMAT);
            update(digest, Drools.getFullVersion());
            sourceByPath.forEach((path, text) -> {
                update(digest, path);
                update(digest, text);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /**
     * The KieBase stored under the key, or null when there is none or it cannot be trusted or read.
     *
     * @param sources the DRL the entry must have been compiled from, by path (its packages and rule names are checked)
     */
    KieBase read(String key, Map<String, String> sources) {
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long start = System.nanoTime();
        try {
            byte[] entry = Files.readAllBytes(file);
            if (!digests.isRecorded(key, sha256(entry))) {
                LOG.warn("Not using compiled rules {}: this service did not write that file (its digest is not recorded); compiling instead", file);
                return null;
            }
            DrlOutline drl = DrlOutline.of(sources);
            KieBaseFilter filter = new KieBaseFilter(drl);
            KieBase kieBase;
            try {
                kieBase = deserialise(entry, filter);
            } catch (InvalidClassException e) {
                LOG.warn("Not using compiled rules {}: it holds {}, not a class of the rules engine; compiling instead", file,
                        filter.refused() != null ? filter.refused() : e.getMessage());
                return null;
            }
            Set<String> expected = drl.rules();
            Set<String> found = ruleNames(kieBase);
            if (!found.equals(expected)) {
                LOG.warn("Not using compiled rules {}: they hold other rules than the DRL ({} in the DRL, {} in the file); compiling instead",
                        file, expected.size(), found.size());
                return null;
            }
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis())); // keeps it from pruning
            LOG.info("Compiled rules {} taken from {} in {} ms", key, dir, (System.nanoTime() - start) / 1_000_000);
            return kieBase;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("Ignoring unreadable compiled rules {} ({}); compiling instead", file, e.toString());
            return null;
        }
    }

    /**
     * A copy of a KieBase that shares nothing with it (declared types get a class loader of their own), made through
     * the form this cache stores; e.g. to remove rules from the copy.
     */
    static KieBase copy(KieBase kieBase) throws IOException, ClassNotFoundException {
        return deserialise(serialise(kieBase), null);
    }

    /** @param filter what the entry may contain; null for bytes this process has just written */
    private static KieBase deserialise(byte[] entry, KieBaseFilter filter) throws IOException, ClassNotFoundException {
        ProjectClassLoader classLoader = ProjectClassLoader.createProjectClassLoader(KieBaseCache.class.getClassLoader());
        try (ObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(entry), classLoader)) {
            if (filter != null) {
                objects.setObjectInputFilter(filter);
            }
            @SuppressWarnings("unchecked")
            Map<String, byte[]> declaredTypes = (Map<String, byte[]>) objects.readObject();
            for (String resource : declaredTypes.keySet()) {
                String className = resource.replace('/', '.').replaceFirst("\\.class$", "");
                if (filter != null && !filter.allowed(className)) {
                    throw new InvalidClassException(className, "a declared type outside the DRL's packages");
                }
            }
            classLoader.storeClasses(declaredTypes);
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    RuleBaseFactory.newKnowledgeBaseConfiguration(null, classLoader));
            kieBase.addPackages(packages);
            return kieBase;
        }
    }

    /** Stores the KieBase under the key (atomically: readers never see half a file), records its digest, drops old entries. */
    void write(String key, KieBase kieBase) {
        if (dir == null) {
            return;
        }
        try {
            byte[] entry = serialise(kieBase);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, entry);
            digests.record(key, sha256(entry));
            Files.move(tmp, dir.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep compiled rules in {}: {}", dir, e.toString());
        }
    }

    private static byte[] serialise(KieBase kieBase) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
            objects.writeObject(declaredTypes(kieBase));
            objects.writeObject(new ArrayList<>(kieBase.getKiePackages()));
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every rule and query of the KieBase as {@code package.name}. */
    static Set<String> ruleNames(KieBase kieBase) {
        Set<String> names = new TreeSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getRules().forEach(r -> names.add(p.getName() + "." + r.getName()));
            p.getQueries().forEach(q -> names.add(p.getName() + "." + q.getName()));
        }
        return names;
    }

    private static Map<String, byte[]> declaredTypes(KieBase kieBase) {
        if (kieBase instanceof InternalKnowledgeBase internal && internal.getRootClassLoader() instanceof ProjectClassLoader loader
                && loader.getStore() != null) {
            return new HashMap<>(loader.getStore());
        }
        return new HashMap<>();
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(KieBaseCache::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
