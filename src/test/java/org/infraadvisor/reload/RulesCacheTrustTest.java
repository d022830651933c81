package org.infraadvisor.reload;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.engine.KieBaseDigests;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.store.KieBaseDigestStore;
import org.infraadvisor.store.RulesCacheDigestRepository;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Folders;
import org.infraadvisor.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service and its compiled-rules cache: an entry planted in the cache folder under the clean rules' key is not
 * run (the service compiles and replaces it, and records the digest of what it wrote in its database); a restart then
 * uses the entry it wrote; an administrator's reload always compiles and replaces the serving rules, even when no
 * file changed.
 */
class RulesCacheTrustTest {

    static final String TOKEN = "rules-cache-trust-admin-token-0123456789";
    static final String PLANTED = "PLANTED description";

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static Path onlyEntry(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> entries = files.filter(p -> p.toString().endsWith(".kiebase")).toList();
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }
    }

    static boolean planted(RuleSet ruleSet) {
        return ruleSet.rules().values().stream().anyMatch(r -> PLANTED.equals(r.description()));
    }

    /** A private copy of a small clean rule set and its flow (the checks do not depend on the rules' size). */
    record Folder(Path root, Path rules, Path conversations) {
        static Folder copy() {
            Path root = Path.of("target", "rules-cache-trust-" + UUID.randomUUID()).toAbsolutePath();
            Path fixture = Path.of("src/test/resources/verify-fixtures/base");
            return new Folder(root, Folders.copy(fixture.resolve("rules"), root.resolve("rules")),
                    Folders.copy(fixture.resolve("conversations"), root.resolve("conversations")));
        }
    }

    /** An entry compiled from rules with the same names as the clean ones and one description changed. */
    static byte[] tamperedEntry(Folder folder) throws IOException {
        Path rules = Folders.copy(folder.rules(), folder.root().resolve("tampered-rules"));
        Path drl;
        try (Stream<Path> files = Files.walk(rules)) {
            drl = files.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(drl);
        assertThat(text).contains("@description(\"");
        Files.writeString(drl, text.replaceFirst("@description\\(\"[^\"]*\"\\)", "@description(\"" + PLANTED + "\")"));
        Path cache = folder.root().resolve("tampered-cache");
        assertThat(planted(RuleSetLoader.load(rules, folder.conversations(), cache, new KieBaseDigests.InMemory()))).isTrue();
        return Files.readAllBytes(onlyEntry(cache));
    }

    EmbeddedServer start(Folder folder, Path cache, String database) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "advisor.rules.dir", folder.rules().toString(), "advisor.conversations.dir", folder.conversations().toString(),
                "advisor.rules.cache-dir", cache.toString(), "advisor.admin.token", TOKEN,
                "datasources.default.url", database, "test.rules-cache.digests", "database"), "test");
    }

    @Test
    void aPlantedEntryIsReplacedARestartUsesTheServicesOwnAndAnAdminReloadAlwaysRecompiles() throws Exception {
        Folder folder = Folder.copy();
        Path cache = folder.root().resolve("cache");
        String database = "jdbc:h2:file:" + folder.root().resolve("db") + ";WRITE_DELAY=0";

        // the clean rules' key, and a file of other rules planted under it
        RuleSetLoader.load(folder.rules(), folder.conversations(), cache, new KieBaseDigests.InMemory());
        Path entry = onlyEntry(cache);
        byte[] planted = tamperedEntry(folder);
        Files.write(entry, planted);

        String written;
        try (EmbeddedServer server = start(folder, cache, database)) {
            RuleSet serving = server.getApplicationContext().getBean(RuleSetHolder.class).current();
            assertThat(planted(serving)).as("the planted entry must not run").isFalse();
            assertThat(Files.readAllBytes(entry)).as("compiled again and replaced").isNotEqualTo(planted);
            written = sha256(entry);
            assertThat(server.getApplicationContext().getBean(KieBaseDigests.class)).isInstanceOf(KieBaseDigestStore.class);
            assertThat(server.getApplicationContext().getBean(RulesCacheDigestRepository.class).existsBySha256AndCacheKey(written,
                    entry.getFileName().toString().replace(".kiebase", ""))).as("its digest is in the database").isTrue();
        }

        List<ILoggingEvent> events;
        try (LogCapture logs = new LogCapture(); EmbeddedServer server = start(folder, cache, database)) {
            RuleSetHolder holder = server.getApplicationContext().getBean(RuleSetHolder.class);
            RuleSet fromCache = holder.current();
            events = logs.events();
            assertThat(events).as("a restart uses the entry the service wrote")
                    .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("Compiled rules").contains("taken from"));
            assertThat(sha256(entry)).isEqualTo(written);

            // an administrator's reload compiles and replaces, although no file changed
            HttpResponse<String> reload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.getURI() + "/admin/rules/reload")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            assertThat(Api.read(reload.body())).isInstanceOfSatisfying(Map.class, attempt -> assertThat(attempt)
                    .containsEntry("accepted", true).containsEntry("changed", false));
            RuleSet reloaded = holder.current();
            assertThat(reloaded.kieBase()).as("freshly compiled rules serve now").isNotSameAs(fromCache.kieBase());
            assertThat(reloaded.version()).isEqualTo(fromCache.version());
            assertThat(server.getApplicationContext().getBean(RulesCacheDigestRepository.class).existsBySha256AndCacheKey(sha256(entry),
                    entry.getFileName().toString().replace(".kiebase", ""))).as("and are what the cache keeps").isTrue();
        }
    }
}
