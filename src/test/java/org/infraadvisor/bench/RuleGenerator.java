package org.infraadvisor.bench;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic knowledge base of exactly {@code ruleCount} rules in the style of the shipped ones: rules
 * that match {@code Answer} facts (choices and numeric thresholds) and vote for a strategy, rules that derive a
 * fact of a type declared in the DRL, rules that join such a fact with another answer and raise a risk, and the
 * rules that add the votes up and choose.
 * <p>
 * Rules come in topics of ten (6 voting, 2 deriving, 2 joining). A topic either applies to the benchmark's
 * answer set (all its rules fire) or not (its patterns pick their values at random, so many rules match in part:
 * partial matches still cost the engine work). {@code applicableTopics} says how many apply, so the rule base can grow
 * while the work a conversation triggers stays the same ({@link Firing#FIXED}: a large knowledge base covers
 * many situations, one conversation hits a few of them), or grow with it ({@link Firing#PROPORTIONAL}).
 */
public final class RuleGenerator {

    public enum Firing {
        /** Two topics (20 rules) apply, whatever the size. */
        FIXED,
        /** A fifth of the topics apply: the share the 100-rule set has in FIXED mode. */
        PROPORTIONAL
    }

    static final int TOPIC_SIZE = 10;
    static final int AGGREGATION_RULES = 3;
    private static final int TOPICS_PER_FILE = 10;
    private static final List<String> STRATEGIES = List.of("cloud-first", "hybrid", "on-prem");

    private final Map<String, Object> answers;
    private final List<Question> answered;
    private final Random random = new Random(20240917L);

    public RuleGenerator(Flow flow, Map<String, Object> answers) {
        this.answers = answers;
        this.answered = flow.questions().stream().filter(q -> answers.containsKey(q.id()) && usable(q, answers.get(q.id()))).toList();
        if (answered.size() < 3) {
            throw new IllegalArgumentException("the answer set needs at least three answered choice or number questions");
        }
    }

    private static boolean usable(Question q, Object value) {
        return (q.type() == QuestionType.CHOICE && q.options().size() >= 2 && value instanceof String)
                || (q.type() == QuestionType.NUMBER && value instanceof Number n && n.doubleValue() > 0);
    }

    /** How many rules of a set fire (except the aggregation rules) for the benchmark's answers. */
    public static int applicableRules(int ruleCount, Firing firing) {
        return applicableTopics(topics(ruleCount), firing) * TOPIC_SIZE;
    }

    private static int topics(int ruleCount) {
        return (ruleCount - AGGREGATION_RULES + TOPIC_SIZE - 1) / TOPIC_SIZE;
    }

    private static int applicableTopics(int topics, Firing firing) {
        return Math.min(topics, firing == Firing.FIXED ? 2 : Math.max(1, topics / 5));
    }

    /**
     * Writes {@code rulesDir/generated/*.drl} (replacing what was there) and copies the shipped catalogue, so
     * {@code rulesDir} is a complete rules folder for {@code RuleSetLoader}.
     */
    public void write(Path rulesDir, Path shippedRulesDir, int ruleCount, Firing firing) {
        if (ruleCount < AGGREGATION_RULES + 1) {
            throw new IllegalArgumentException("at least %d rules".formatted(AGGREGATION_RULES + 1));
        }
        try {
            deleteTree(rulesDir);
            Path generated = Files.createDirectories(rulesDir.resolve("generated"));
            Path catalogue = shippedRulesDir.resolve("catalogue");
            if (Files.isDirectory(catalogue)) {
                Files.createDirectories(rulesDir.resolve("catalogue"));
                try (Stream<Path> files = Files.list(catalogue)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, rulesDir.resolve("catalogue").resolve(f.getFileName()));
                    }
                }
            }
            Files.writeString(generated.resolve("aggregate.drl"), aggregation());
            int topics = topics(ruleCount);
            List<Boolean> applies = new ArrayList<>(Collections.nCopies(topics, false));
            int applicable = applicableTopics(topics, firing);
            for (int i = 0; i < applicable; i++) {
                applies.set(i, true);
            }
            Collections.shuffle(applies, random);
            int remaining = ruleCount - AGGREGATION_RULES;
            for (int file = 0; file * TOPICS_PER_FILE < topics; file++) {
                StringBuilder drl = header(file);
                for (int t = file * TOPICS_PER_FILE; t < Math.min(topics, (file + 1) * TOPICS_PER_FILE); t++) {
                    int size = Math.min(TOPIC_SIZE, remaining);
                    remaining -= size;
                    topic(drl, t, size, applies.get(t));
                }
                Files.writeString(generated.resolve("part-%04d.drl".formatted(file)), drl);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder header(int file) {
        return new StringBuilder("""
                package rules.generated.part%d;

                import org.infraadvisor.facts.Answer;
                import org.infraadvisor.facts.StrategyVote;
                import org.infraadvisor.facts.Risk;

                declare Signal
                    name : String
                    weight : int
                end

                """.formatted(file));
    }

    /** Ten rules on one topic; {@code size} is less than ten only for the last topic. */
    private void topic(StringBuilder drl, int topic, int size, boolean applies) {
        for (int i = 0; i < size; i++) {
            String name = "Topic %d rule %d".formatted(topic, i);
            String signal = "signal-%d-%d".formatted(topic, i - 2);
            List<String> patterns;
            String consequence;
            if (i < 6) {
                patterns = answerPatterns(2 + i % 2, applies);
                String strategy = STRATEGIES.get(random.nextInt(STRATEGIES.size()));
                consequence = "insert(new StrategyVote(\"%s\", %d, \"%s\"));".formatted(strategy, 1 + random.nextInt(3), name);
            } else if (i < 8) {
                patterns = answerPatterns(2, applies);
                consequence = "insert(new Signal(\"signal-%d-%d\", %d));".formatted(topic, i, 1 + random.nextInt(3));
            } else {
                patterns = new ArrayList<>();
                patterns.add("$s : Signal(name == \"%s\")".formatted(signal));
                patterns.addAll(answerPatterns(1, true));
                consequence = "insert(new Risk(\"%s\", \"%s\", \"signal \" + $s.getName() + \" with weight \" + $s.getWeight()));"
                        .formatted(List.of("low", "medium", "high").get(random.nextInt(3)), name);
            }
            drl.append("rule \"").append(name).append("\"\n")
                    .append("    @description(\"Generated rule ").append(i).append(" of topic ").append(topic).append(".\")\n")
                    .append("when\n");
            patterns.forEach(p -> drl.append("    ").append(p).append('\n'));
            drl.append("then\n    ").append(consequence).append("\nend\n\n");
        }
    }

    /**
     * Patterns on distinct answered questions. For a rule that must fire they all match; otherwise each picks its
     * value at random, as an author writing for other situations would (so some patterns match, partially
     * matching the rule), and if that happens to match everything the last one is made to miss.
     */
    private List<String> answerPatterns(int count, boolean match) {
        List<Question> pool = new ArrayList<>(answered);
        Collections.shuffle(pool, random);
        List<String> patterns = new ArrayList<>();
        boolean allMatch = true;
        for (int i = 0; i < count; i++) {
            boolean matches;
            if (match) {
                matches = true;
            } else if (i == count - 1 && allMatch) {
                matches = false; // the rule would fire otherwise
            } else {
                matches = random.nextInt(optionsOf(pool.get(i))) == 0;
            }
            allMatch &= matches;
            patterns.add(pattern(pool.get(i), matches));
        }
        return patterns;
    }

    /** How many values a question's patterns choose from (numbers: above or below the answer). */
    private static int optionsOf(Question q) {
        return q.type() == QuestionType.NUMBER ? 2 : q.options().size();
    }

    private String pattern(Question q, boolean match) {
        Object answer = answers.get(q.id());
        if (q.type() == QuestionType.NUMBER) {
            double value = ((Number) answer).doubleValue();
            double threshold = match ? value * (0.1 + 0.9 * random.nextDouble()) : value * (1.5 + 8 * random.nextDouble());
            return "Answer(question == \"%s\", known, number >= %s)".formatted(q.id(), String.format(Locale.ROOT, "%.3f", threshold));
        }
        String value = (String) answer;
        List<String> others = q.options().stream().map(Option::value).filter(v -> !v.equals(value)).toList();
        String chosen = match ? value : others.get(random.nextInt(others.size()));
        return "Answer(question == \"%s\", value == \"%s\")".formatted(q.id(), chosen);
    }

    private static String aggregation() {
        return """
                package rules.generated;

                import org.infraadvisor.facts.Answer;
                import org.infraadvisor.facts.StrategyVote;
                import org.infraadvisor.facts.StrategyChoice;

                declare StrategyTotal
                    strategy : String
                    points : int
                end

                rule "Add up the generated votes"
                    @description("Each strategy's support is the sum of its votes.")
                    salience -10
                when
                    $name : String() from java.util.List.of("cloud-first", "hybrid", "on-prem")
                    accumulate( StrategyVote(strategy == $name, $w : weight); $total : sum($w) )
                then
                    insert(new StrategyTotal($name, ((Number) $total).intValue()));
                end

                rule "Choose the generated strategy with the most support"
                    @description("The strategy with the most support is recommended.")
                    salience -20
                when
                    $best : StrategyTotal($p : points, $s : strategy)
                    not StrategyTotal(points > $p || (points == $p && strategy < $s))
                    not StrategyChoice()
                    accumulate( Answer(known); $known : count(1) )
                then
                    insert(new StrategyChoice($s, Math.min(0.95, 0.2 + 0.05 * ((Number) $known).doubleValue()), $s + " has " + $p + " points"));
                end

                rule "Without votes there is no strategy"
                    @description("When no rule voted, the advisor says it cannot choose.")
                    salience -30
                when
                    not StrategyVote()
                    not StrategyChoice()
                then
                    insert(new StrategyChoice("hybrid", 0.1, "no rule voted"));
                end
                """;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
