package org.infraadvisor.progress;

import org.infraadvisor.bench.Machine;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.Headline;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.facts.AcceleratorChoice;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.StrategyChoice;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.infraadvisor.scenarios.ScenarioRunner;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an incremental engine would give the preview (issue 13 item 5): a session kept per conversation in which only
 * the changed answers are updated and the phases fired again, so that Rete propagates the change alone. Derived facts
 * must then retract themselves when their premises change, so the shipped rules are compiled a second time with every
 * {@code insert} made an {@code insertLogical} (truth maintenance). A lab, not a feature: it reports
 * <ul>
 *   <li>{@code INCREMENTAL-TMS-UNSAFE}: rules that insert a fact of a type their own conditions require to be absent
 *       ({@code not T(...)} … {@code insert(new T(...))}), which truth maintenance retracts again at once;</li>
 *   <li>{@code INCREMENTAL-FRESH}: for how many scenario files the logical rules, evaluated afresh, give another headline
 *       than the shipped ones;</li>
 *   <li>{@code INCREMENTAL-ROUND}: every scenario played in the flow's order, each state evaluated both ways (a fresh
 *       headline evaluation as the service does it, and the kept session updated), with the CPU time of each and how
 *       often they differ.</li>
 * </ul>
 * Command: {@code bench/run incremental [--rounds 5]}.
 */
public final class IncrementalEvaluationLab {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Pattern RULE = Pattern.compile("rule\\s+\"([^\"]+)\"(.*?)\\bthen\\b(.*?)\\bend\\b", Pattern.DOTALL);
    private static final Pattern ABSENT = Pattern.compile("\\bnot\\s+(\\w+)\\s*\\(");

    record Round(int states, int differences, double freshMicros, double incrementalMicros, double firstStateMicros) {
    }

    private final RuleSet shipped;
    private final RuleSet logical;
    private final KieBase logicalHeadlineBase;
    private final Set<String> fires;
    private final AdvisorEngine engine = new AdvisorEngine(10_000);

    IncrementalEvaluationLab(RuleSet shipped, RuleSet logical) {
        this.shipped = shipped;
        this.logical = logical;
        this.fires = Influence.of(shipped).rulesToFire();
        engine.awaitHeadlineRules(shipped, fires);
        this.logicalHeadlineBase = withOnly(logical.kieBase(), fires);
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 5;
        Path rules = Path.of("rules");
        Path logicalRules = logicalCopy(rules, Files.createTempDirectory("rules-logical"));
        System.out.println("machine: " + Machine.summary());
        System.out.println("INCREMENTAL-TMS-UNSAFE " + selfDefeating(rules));
        RuleSet shipped = RuleSetLoader.load(rules, Path.of("conversations"));
        RuleSet logical = RuleSetLoader.load(logicalRules, Path.of("conversations"));
        List<Scenario> scenarios = ScenarioLoader.load(rules.resolve("scenarios"));
        IncrementalEvaluationLab lab = new IncrementalEvaluationLab(shipped, logical);
        System.out.println(lab.freshDifferences(scenarios));
        for (int i = 1; i <= rounds; i++) {
            Round r = lab.round(scenarios);
            System.out.printf(Locale.ROOT, "INCREMENTAL-ROUND %d states=%d differing=%d fresh-us=%.0f incremental-us=%.0f "
                    + "ratio=%.2f first-state-us=%.0f%n", i, r.states(), r.differences(), r.freshMicros(),
                    r.incrementalMicros(), r.incrementalMicros() / r.freshMicros(), r.firstStateMicros());
        }
        System.exit(0); // the engine's background threads
    }

    /** The rules folder copied into {@code copy}, every {@code insert(} of the DRL files made {@code insertLogical(}. */
    static Path logicalCopy(Path rules, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(rules.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.toString().endsWith(".drl")) {
                    Files.writeString(target, Files.readString(f).replaceAll("\\binsert\\(", "insertLogical("));
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    /** Rules that insert a fact of a type their conditions require to be absent, by name. */
    static List<String> selfDefeating(Path rules) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                Matcher rule = RULE.matcher(Files.readString(f));
                while (rule.find()) {
                    Matcher absent = ABSENT.matcher(rule.group(2));
                    while (absent.find()) {
                        if (rule.group(3).contains("new " + absent.group(1) + "(")) {
                            found.add(rule.group(1));
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    String freshDifferences(List<Scenario> scenarios) {
        int differing = 0;
        String first = "";
        for (Scenario scenario : scenarios) {
            Flow flow = shipped.flow(scenario.flow()).orElseThrow();
            Map<String, Object> answers = new DialogueState(flow, given(flow, scenario)).effectiveAnswers();
            String a = show(engine.headline(shipped, flow, answers, fires));
            String b = show(engine.headline(logical, flow, answers, fires));
            if (!a.equals(b)) {
                differing++;
                first = first.isEmpty() ? " first=" + scenario.file() + " shipped=[" + a + "] logical=[" + b + "]" : first;
            }
        }
        return "INCREMENTAL-FRESH differing=" + differing + " of=" + scenarios.size() + first;
    }

    Round round(List<Scenario> scenarios) {
        long fresh = 0;
        long incremental = 0;
        long firstStates = 0;
        int states = 0;
        int differences = 0;
        for (Scenario scenario : scenarios) {
            Flow flow = shipped.flow(scenario.flow()).orElseThrow();
            Map<String, Object> given = given(flow, scenario);
            Map<String, Object> answers = new LinkedHashMap<>();
            KeptSession kept = null;
            for (Optional<String> next = nextQuestion(flow, answers); next.isPresent(); next = nextQuestion(flow, answers)) {
                answers.put(next.get(), given.getOrDefault(next.get(), AnswerValues.UNKNOWN));
                Map<String, Object> effective = new DialogueState(flow, answers).effectiveAnswers();
                long t0 = CPU.getCurrentThreadCpuTime();
                Headline afresh = engine.headline(shipped, flow, effective, fires);
                long t1 = CPU.getCurrentThreadCpuTime();
                boolean firstState = kept == null;
                if (firstState) {
                    kept = new KeptSession(logicalHeadlineBase, logical);
                }
                Headline updated = kept.update(flow, effective);
                long t2 = CPU.getCurrentThreadCpuTime();
                fresh += t1 - t0;
                if (firstState) {
                    firstStates += t2 - t1;
                } else {
                    incremental += t2 - t1;
                }
                states++;
                differences += show(afresh).equals(show(updated)) ? 0 : 1;
            }
            if (kept != null) {
                kept.session.dispose();
            }
        }
        return new Round(states, differences, fresh / 1e3 / states, incremental / 1e3 / (states - scenarios.size()),
                firstStates / 1e3 / scenarios.size());
    }

    /** A session kept for one conversation: the catalogue inserted once, each answer's fact updated when it changes. */
    private static final class KeptSession {
        private final KieSession session;
        private final List<String> phases;
        private final Map<String, FactHandle> handles = new HashMap<>();
        private final Map<String, String> values = new HashMap<>();

        KeptSession(KieBase kieBase, RuleSet ruleSet) {
            session = kieBase.newKieSession();
            phases = ruleSet.phases();
            ruleSet.accelerators().forEach(session::insert);
            ruleSet.assumptions().forEach(session::insert);
        }

        Headline update(Flow flow, Map<String, Object> answers) {
            for (Answer a : AdvisorEngine.facts(flow, answers)) {
                FactHandle handle = handles.get(a.getQuestion());
                if (handle == null) {
                    handles.put(a.getQuestion(), session.insert(a));
                } else if (!values.get(a.getQuestion()).equals(a.getValue())) {
                    session.update(handle, a);
                }
                values.put(a.getQuestion(), a.getValue());
            }
            AdvisorEngine.focusPhases(session, phases);
            session.fireAllRules(10_000);
            return Headline.of(facts(StrategyChoice.class), facts(AcceleratorChoice.class));
        }

        private <T> List<T> facts(Class<T> type) {
            return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
        }
    }

    private static KieBase withOnly(KieBase kieBase, Set<String> rules) {
        List<Rule> others = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getRules().stream().filter(r -> !rules.contains(r.getName())).forEach(others::add);
        }
        others.forEach(r -> kieBase.removeRule(r.getPackageName(), r.getName()));
        return kieBase;
    }

    private static Optional<String> nextQuestion(Flow flow, Map<String, Object> answers) {
        return new DialogueState(flow, answers).next().map(q -> q.id());
    }

    private static Map<String, Object> given(Flow flow, Scenario scenario) {
        return ScenarioRunner.canonicalAnswers(flow, scenario, new ArrayList<>());
    }

    /** Strategy with its confidence, then every recommended part with its count and score. */
    static String show(Headline h) {
        StringBuilder s = new StringBuilder(h.strategy() == null ? "no strategy"
                : h.strategy().getStrategy() + " " + h.strategy().getConfidence());
        for (AcceleratorChoice c : h.accelerators()) {
            s.append(", ").append(c.getModel()).append(" x").append(c.getCount()).append(' ').append(c.getScore());
        }
        return s.toString();
    }
}
