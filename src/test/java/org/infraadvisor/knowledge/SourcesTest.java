package org.infraadvisor.knowledge;

import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Assumption;
import org.infraadvisor.facts.CloudPrice;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every source the knowledge base cites is in docs/sources.md with publisher, title, date, URL and the figure taken,
 * and every citation resolves; nothing cites material outside the repository.
 */
class SourcesTest {

    static final Path SOURCES = Path.of("docs/sources.md");
    static final Pattern ENTRY = Pattern.compile("(?m)^### `([a-z0-9][a-z0-9.-]*)`\\n((?:- .*\\n?)+)");
    /** A citation: a kebab-case id in square brackets, not a Markdown link. */
    static final Pattern CITATION = Pattern.compile("\\[([a-z][a-z0-9.]*(?:-[a-z0-9.]+)+)](?!\\()");

    final RuleSet rules = ShippedRules.ruleSet();

    static Set<String> ids() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ENTRY.matcher(Files.readString(SOURCES));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(folder))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everySourceNamesPublisherTitleDateUrlAndTheFigureTaken() throws IOException {
        Matcher m = ENTRY.matcher(Files.readString(SOURCES));
        int entries = 0;
        while (m.find()) {
            entries++;
            String body = m.group(2);
            for (String field : List.of("Publisher", "Title", "Date", "URL", "Figures taken")) {
                assertThat(body).as("%s of source %s", field, m.group(1)).contains("- **" + field + ":** ");
            }
            assertThat(body).as("URL of %s", m.group(1)).containsPattern("\\*\\*URL:\\*\\* https://\\S+");
        }
        assertThat(entries).isGreaterThan(30).isEqualTo(ids().size());
    }

    @Test
    void everyCitationResolves() throws IOException {
        Set<String> ids = ids();
        List<String> unresolved = new ArrayList<>();
        for (RuleSet.RuleInfo rule : rules.rules().values()) {
            cited(rule.description() + " " + rule.rationale()).stream().filter(c -> !ids.contains(c))
                    .forEach(c -> unresolved.add(rule.file() + ": rule \"" + rule.name() + "\" cites [" + c + "]"));
        }
        for (Accelerator a : rules.accelerators()) {
            a.getSources().stream().filter(c -> !ids.contains(c)).forEach(c -> unresolved.add("accelerator " + a.getId() + " cites " + c));
            for (CloudPrice p : a.getPrices().values()) {
                p.sources().stream().filter(c -> !ids.contains(c))
                        .forEach(c -> unresolved.add("price of " + a.getId() + " at " + p.provider() + " cites " + c));
            }
        }
        for (Assumption a : rules.assumptions()) {
            cited(a.getSource()).stream().filter(c -> !ids.contains(c)).forEach(c -> unresolved.add("assumption " + a.getKey() + " cites [" + c + "]"));
        }
        for (var flow : rules.flows().values()) {
            for (var q : flow.questions()) {
                cited(q.help() + " " + q.why()).stream().filter(c -> !ids.contains(c))
                        .forEach(c -> unresolved.add(flow.file() + ": question " + q.id() + " cites [" + c + "]"));
            }
        }
        List<Path> texts = new ArrayList<>(files("rules/scenarios", ".yaml"));
        texts.add(Path.of("docs/knowledge-base.md"));
        for (Path p : texts) {
            String text = Files.readString(p);
            cited(text).stream().filter(c -> !ids.contains(c)).forEach(c -> unresolved.add(p + " cites [" + c + "]"));
            Matcher list = Pattern.compile("(?m)^sources: \\[([^]]*)]").matcher(text);
            while (list.find()) {
                for (String id : list.group(1).split(",")) {
                    if (!ids.contains(id.strip())) {
                        unresolved.add(p + " lists source " + id.strip());
                    }
                }
            }
        }
        assertThat(unresolved).as("citations without an entry in docs/sources.md").isEmpty();
    }

    @Test
    void everyNewScenarioIsModelledOnACitedSource() throws IOException {
        List<Path> modelled = files("rules/scenarios", ".yaml").stream().filter(p -> {
            try {
                return Files.readString(p).contains("\nsources: [");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(modelled).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void nothingCitesMaterialOutsideTheRepository() throws IOException {
        Pattern outside = Pattern.compile("strategy\\.md|accelerators\\.md|/wor[k]/|\\bshared/domain|(?<![\\w-])[ST]\\d{1,2}\\b");
        List<Path> texts = new ArrayList<>(files("rules", ".drl"));
        texts.addAll(files("rules", ".yaml"));
        texts.addAll(files("conversations", ".yaml"));
        texts.add(Path.of("docs/knowledge-base.md"));
        texts.add(SOURCES);
        for (Path p : texts) {
            Matcher m = outside.matcher(Files.readString(p));
            assertThat(m.find()).as("%s mentions '%s'", p, m.find(0) ? m.group() : "").isFalse();
        }
    }

    static Set<String> cited(String text) {
        Set<String> ids = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = CITATION.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}
