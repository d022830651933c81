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

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
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
import java.util.stream.Stream;

/**
 * Compiled KieBases on disk, keyed by a hash of the DRL sources and the Drools version, so that a restart with
 * unchanged rules skips the DRL compiler (the largest part of start-up). Uses Drools' own serialization of the
 * compiled packages (they carry the bytecode of the rules' consequences) plus the bytecode of the types the DRL
 * declares. The cache is only an accelerator: a missing, stale or unreadable entry means "compile", never an
 * error. Entries are as trusted as the rules folder itself (both end up as code in the service).
 */
final class KieBaseCache {

    static final KieBaseCache DISABLED = new KieBaseCache(null);

    private static final Logger LOG = LoggerFactory.getLogger(KieBaseCache.class);
    private static final String FORMAT = "infra-advisor-kiebase-1";
    private static final String SUFFIX = ".kiebase";
    private static final int KEEP = 4;

    private final Path dir;

    /** @param dir the cache folder, created when first written; null disables the cache */
    KieBaseCache(Path dir) {
        this.dir = dir;
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

    /** The KieBase stored under the key, or null when there is none or it cannot be read. */
    KieBase read(String key) {
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long start = System.nanoTime();
        ProjectClassLoader classLoader = ProjectClassLoader.createProjectClassLoader(KieBaseCache.class.getClassLoader());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ObjectInputStream objects = new DroolsObjectInputStream(in, classLoader)) {
            @SuppressWarnings("unchecked")
            Map<String, byte[]> declaredTypes = (Map<String, byte[]>) objects.readObject();
            classLoader.storeClasses(declaredTypes);
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    RuleBaseFactory.newKnowledgeBaseConfiguration(null, classLoader));
            kieBase.addPackages(packages);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis())); // keeps it from pruning
            LOG.info("Compiled rules {} taken from {} in {} ms", key, dir, (System.nanoTime() - start) / 1_000_000);
            return kieBase;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("Ignoring unreadable compiled rules {} ({}); compiling instead", file, e.toString());
            return null;
        }
    }

    /** Stores the KieBase under the key (atomically: readers never see half a file) and drops old entries. */
    void write(String key, KieBase kieBase) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                 ObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                objects.writeObject(declaredTypes(kieBase));
                objects.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }
            Files.move(tmp, dir.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep compiled rules in {}: {}", dir, e.toString());
        }
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
