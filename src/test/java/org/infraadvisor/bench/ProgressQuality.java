package org.infraadvisor.bench;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.progress.Assessment;
import org.infraadvisor.progress.EngineOutcomes;
import org.infraadvisor.progress.ProgressiveAdvisor;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.infraadvisor.scenarios.ScenarioRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How soon the preview shows the final advice. For every scenario file, a conversation is played twice — asking in
 * the flow's fixed order and in the progressive advisor's order — answering each question asked with the
 * scenario's answer ("unknown" where it has none). After each answer the advice for the answers so far is
 * evaluated in full ({@link AdvisorEngine#evaluate}, what {@code POST /api/evaluate} returns); the figure is the
 * number of answers after which its strategy and top accelerator equal the final advice and stay equal. Also
 * reports how often the progressive advisor's preview disagreed with that full evaluation (it must never), and the
 * medians over the odd- and the even-numbered scenario files apart (the ranking is tuned on the odd ones).
 * Options: {@code --scenarios rules/scenarios}; {@code --trace N} also prints, for every scenario, the advisor's order
 * answer by answer with the advice after each answer and the scores of the first N open questions it was chosen
 * from ({@link #trace}: what finding out why a scenario settles late needs).
 */
public final class ProgressQuality {

    /** One conversation played in one order. */
    /**
     * @param evaluations per turn, the evaluations the advisor needed (without its caches) and a naive search would
     *                    (the preview plus every candidate answer of every open question)
     */
    record Play(int answers, int settledAfter, int previewDisagreements, List<int[]> evaluations, long engineEvaluations) {

        Play withEngineEvaluations(long evaluated) {
            return new Play(answers, settledAfter, previewDisagreements, evaluations, evaluated);
        }
    }

    /**
     * @param decisive  in the advisor's order searched for every state: what a user gets when the background search
     *                  finished between two answers (a service not saturated; users think for seconds)
     * @param saturated in the order a turn replies with when no background search ever finishes
     *                  ({@link ProgressiveAdvisor.Search#NEVER}): the provisional order, carried from state to state
     * @param oneDeep   in the advisor's order with the search one answer ahead only ({@code lookahead-partners} 0):
     *                  what the two-answer lookahead is compared with
     */
    record Row(String scenario, Play fixed, Play decisive, Play saturated, Play oneDeep) {
    }

    private final RuleSet ruleSet;
    private final AdvisorEngine engine = new AdvisorEngine(10_000);
    private final ProgressiveAdvisor advisor;
    private final ProgressiveAdvisor saturatedAdvisor;
    private final ProgressiveAdvisor oneDeepAdvisor;

    ProgressQuality(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.advisor = new ProgressiveAdvisor(engine, 50_000, 5_000);
        this.saturatedAdvisor = new ProgressiveAdvisor(engine, 50_000, 5_000, ProgressiveAdvisor.Search.NEVER);
        this.oneDeepAdvisor = new ProgressiveAdvisor(new EngineOutcomes(engine), 50_000, 5_000, 0);
    }

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.parse(args);
        Path scenarios = Path.of(a.get("scenarios", BenchInputs.rulesDir().resolve("scenarios").toString()));
        RuleSet ruleSet = RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
        System.out.println("machine: " + Machine.summary());
        ProgressQuality quality = new ProgressQuality(ruleSet);
        List<Scenario> loaded = ScenarioLoader.load(scenarios);
        List<Row> rows = quality.run(loaded);
        System.out.print(report(rows));
        int traced = a.getInt("trace", 0);
        if (traced > 0) {
            loaded.forEach(scenario -> System.out.print(quality.trace(scenario, traced)));
        }
    }

    List<Row> run(List<Scenario> scenarios) {
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Flow flow = ruleSet.flow(scenario.flow()).orElseThrow();
            Map<String, Object> given = answersOf(flow, scenario);
            Play fixed = play(flow, given, answers -> new DialogueState(flow, answers).next().map(q -> q.id()), null);
            long before = advisor.engineEvaluations();
            Play decisive = play(flow, given, answers -> advisor.assess(ruleSet, flow, answers).next()
                    .map(o -> o.question().id()), answers -> advisor.assess(ruleSet, flow, answers))
                    .withEngineEvaluations(advisor.engineEvaluations() - before);
            before = oneDeepAdvisor.engineEvaluations();
            Play saturated = play(flow, given, answers -> saturatedAdvisor.assessPromptly(ruleSet, flow, answers).next()
                    .map(o -> o.question().id()), answers -> saturatedAdvisor.assessPromptly(ruleSet, flow, answers));
            Play oneDeep = play(flow, given, answers -> oneDeepAdvisor.assess(ruleSet, flow, answers).next()
                    .map(o -> o.question().id()), answers -> oneDeepAdvisor.assess(ruleSet, flow, answers))
                    .withEngineEvaluations(oneDeepAdvisor.engineEvaluations() - before);
            rows.add(new Row(scenario.file(), fixed, decisive, saturated, oneDeep));
        }
        return rows;
    }

    private static Map<String, Object> answersOf(Flow flow, Scenario scenario) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> given = ScenarioRunner.canonicalAnswers(flow, scenario, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(scenario.location() + ": " + problems);
        }
        return given;
    }

    /**
     * One scenario in the advisor's order (as {@link #run} plays it), a line per answer: the question asked, the
     * answer, the strategy and top accelerator after it ({@code *} where they changed), and the first {@code shown}
     * open questions it was chosen from with their scores ({@code Impact}: strategy, family, count and part changes,
     * what a quiet question changes together with another answer); a header line with the "settled" figure.
     */
    String trace(Scenario scenario, int shown) {
        Flow flow = ruleSet.flow(scenario.flow()).orElseThrow();
        Map<String, Object> given = answersOf(flow, scenario);
        Map<String, Object> answers = new LinkedHashMap<>();
        List<Advice> after = new ArrayList<>(List.of(engine.evaluate(ruleSet, flow, answers)));
        List<String> lines = new ArrayList<>();
        for (Assessment a = advisor.assess(ruleSet, flow, answers); a.next().isPresent(); a = advisor.assess(ruleSet, flow, answers)) {
            String q = a.next().get().question().id();
            String chosenFrom = String.join(" ", a.open().stream().limit(shown).map(o -> String.format(Locale.ROOT,
                    "%s=%.3g[s%d a%d c%d p%d t%.2f]", o.question().id(), o.impact().decisiveness(), o.impact().strategy(),
                    o.impact().accelerator(), o.impact().count(), o.impact().part(), o.impact().together())).toList());
            answers.put(q, given.getOrDefault(q, AnswerValues.UNKNOWN));
            Advice advice = engine.evaluate(ruleSet, flow, new DialogueState(flow, answers).effectiveAnswers());
            boolean changed = !sameHeadline(after.get(after.size() - 1), advice);
            after.add(advice);
            lines.add(String.format(Locale.ROOT, "  %2d %s=%s -> %s%s | %s%n", answers.size(), q, answers.get(q),
                    headline(advice), changed ? " *" : "", chosenFrom));
        }
        return String.format(Locale.ROOT, "TRACE %s settled %d of %d: %s%n", shorten(scenario.file()),
                settled(after), answers.size(), headline(after.get(after.size() - 1))) + String.join("", lines);
    }

    private static String headline(Advice advice) {
        var top = advice.accelerators().isEmpty() ? null : advice.accelerators().get(0);
        return advice.strategy() + " / " + (top == null ? "no accelerator" : top.count() + " x " + top.vendor() + " " + top.model());
    }

    /** {@code assessed}: the assessment whose preview is checked after each answer; null for none. */
    private Play play(Flow flow, Map<String, Object> given, Function<Map<String, Object>, Optional<String>> next,
                      Function<Map<String, Object>, Assessment> assessed) {
        boolean checkPreview = assessed != null;
        Map<String, Object> answers = new LinkedHashMap<>();
        List<Advice> after = new ArrayList<>();
        after.add(engine.evaluate(ruleSet, flow, answers));
        int disagreements = 0;
        List<int[]> evaluations = new ArrayList<>();
        for (Optional<String> q = next.apply(answers); q.isPresent(); q = next.apply(answers)) {
            if (checkPreview && assessed.apply(answers).ranked()) { // the cost of the search, where one was done
                evaluations.add(new int[]{assessed.apply(answers).evaluations(),
                        ProgressBenchmark.naiveStates(flow, answers).size()});
            }
            answers.put(q.get(), given.getOrDefault(q.get(), AnswerValues.UNKNOWN));
            Advice advice = engine.evaluate(ruleSet, flow, new DialogueState(flow, answers).effectiveAnswers());
            after.add(advice);
            if (checkPreview && !agrees(assessed.apply(answers), advice)) {
                disagreements++;
            }
        }
        return new Play(answers.size(), settled(after), disagreements, evaluations, 0);
    }

    /** After how many answers the strategy and top accelerator equal the last ones and stay equal. */
    private static int settled(List<Advice> after) {
        Advice last = after.get(after.size() - 1);
        int settled = after.size() - 1;
        while (settled > 0 && sameHeadline(after.get(settled - 1), last)) {
            settled--;
        }
        return settled;
    }

    private static boolean agrees(Assessment assessment, Advice advice) {
        var preview = assessment.preview();
        var top = advice.accelerators().isEmpty() ? null : advice.accelerators().get(0);
        return Objects.equals(preview.strategy(), advice.strategy()) && preview.confidence() == advice.confidence()
                && (top == null ? preview.accelerator() == null : preview.accelerator() != null
                && preview.accelerator().vendor().equals(top.vendor()) && preview.accelerator().model().equals(top.model())
                && preview.accelerator().count() == top.count());
    }

    static boolean sameHeadline(Advice a, Advice b) {
        return Objects.equals(a.strategy(), b.strategy()) && Objects.equals(top(a), top(b));
    }

    private static String top(Advice r) {
        return r.accelerators().isEmpty() ? null : r.accelerators().get(0).vendor() + " " + r.accelerators().get(0).model();
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static String report(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-48s %8s %8s %9s %8s%n", "scenario", "answers", "fixed", "decisive", "answers"));
        out.append(String.format(Locale.ROOT, "%-48s %8s %8s %9s %8s%n", "", "(fixed)", "settled", "settled", "(decis.)"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-48s %8d %8d %9d %8d%n", shorten(r.scenario()), r.fixed().answers(),
                    r.fixed().settledAfter(), r.decisive().settledAfter(), r.decisive().answers()));
        }
        double fixed = median(rows.stream().map(r -> r.fixed().settledAfter()).toList());
        double decisive = median(rows.stream().map(r -> r.decisive().settledAfter()).toList());
        int disagreements = rows.stream().mapToInt(r -> r.decisive().previewDisagreements() + r.saturated().previewDisagreements()
                + r.oneDeep().previewDisagreements()).sum();
        // ranking is tuned on the odd-numbered scenario files; the even-numbered ones show whether it carries over
        out.append(String.format(Locale.ROOT, "PROGRESS-QUALITY-HALVES median-settled-decisive odd=%s even=%s, fixed odd=%s even=%s%n",
                fmt(median(half(rows, 1).map(r -> r.decisive().settledAfter()).toList())),
                fmt(median(half(rows, 0).map(r -> r.decisive().settledAfter()).toList())),
                fmt(median(half(rows, 1).map(r -> r.fixed().settledAfter()).toList())),
                fmt(median(half(rows, 0).map(r -> r.fixed().settledAfter()).toList()))));
        List<int[]> turns = rows.stream().flatMap(r -> r.decisive().evaluations().stream()).toList();
        out.append(String.format(Locale.ROOT, "PROGRESS-QUALITY scenarios=%d median-settled-fixed=%s median-settled-decisive=%s "
                        + "mean-fixed=%.1f mean-decisive=%.1f preview-disagreements=%d%n", rows.size(), fmt(fixed), fmt(decisive),
                rows.stream().mapToInt(r -> r.fixed().settledAfter()).average().orElse(0),
                rows.stream().mapToInt(r -> r.decisive().settledAfter()).average().orElse(0), disagreements));
        out.append(String.format(Locale.ROOT, "PROGRESS-ONE-DEEP median-settled=%s odd=%s even=%s mean=%.1f "
                        + "(the advisor's order searched one answer ahead only: lookahead-partners 0)%n",
                fmt(median(rows.stream().map(r -> r.oneDeep().settledAfter()).toList())),
                fmt(median(half(rows, 1).map(r -> r.oneDeep().settledAfter()).toList())),
                fmt(median(half(rows, 0).map(r -> r.oneDeep().settledAfter()).toList())),
                rows.stream().mapToInt(r -> r.oneDeep().settledAfter()).average().orElse(0)));
        out.append(String.format(Locale.ROOT, "PROGRESS-SATURATED median-settled=%s mean=%.1f "
                        + "(the provisional order of a turn whose background search never finishes)%n",
                fmt(median(rows.stream().map(r -> r.saturated().settledAfter()).toList())),
                rows.stream().mapToInt(r -> r.saturated().settledAfter()).average().orElse(0)));
        out.append(String.format(Locale.ROOT, "PROGRESS-COST turns=%d evaluations-per-turn decisive mean=%.1f max=%d, naive mean=%.1f max=%d%n",
                turns.size(), turns.stream().mapToInt(t -> t[0]).average().orElse(0), turns.stream().mapToInt(t -> t[0]).max().orElse(0),
                turns.stream().mapToInt(t -> t[1]).average().orElse(0), turns.stream().mapToInt(t -> t[1]).max().orElse(0)));
        List<int[]> oneDeepTurns = rows.stream().flatMap(r -> r.oneDeep().evaluations().stream()).toList();
        out.append(String.format(Locale.ROOT, "PROGRESS-COST-ONE-DEEP turns=%d evaluations-per-turn mean=%.1f max=%d%n",
                oneDeepTurns.size(), oneDeepTurns.stream().mapToInt(t -> t[0]).average().orElse(0),
                oneDeepTurns.stream().mapToInt(t -> t[0]).max().orElse(0)));
        // what the engine evaluated with the outcome cache on, as the service runs (one conversation after another)
        out.append(String.format(Locale.ROOT, "PROGRESS-COST-CACHED engine-evaluations-per-turn decisive=%.1f one-deep=%.1f%n",
                rows.stream().mapToLong(r -> r.decisive().engineEvaluations()).sum() / (double) Math.max(1, turns.size()),
                rows.stream().mapToLong(r -> r.oneDeep().engineEvaluations()).sum() / (double) Math.max(1, oneDeepTurns.size())));
        out.append(String.format(Locale.ROOT, "Without previews (before issue 13) the advice appears after every answer: median %s answers%n",
                fmt(median(rows.stream().map(r -> r.fixed().answers()).toList()))));
        return out.toString();
    }

    /** The rows whose scenario file name starts with a number of this parity (files without a number in neither). */
    private static java.util.stream.Stream<Row> half(List<Row> rows, int parity) {
        return rows.stream().filter(r -> {
            String digits = shorten(r.scenario()).replaceFirst("^(\\d*).*", "$1");
            return !digits.isEmpty() && Integer.parseInt(digits) % 2 == parity;
        });
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String shorten(String s) {
        String name = s.substring(s.lastIndexOf('/') + 1);
        return name.length() > 48 ? name.substring(0, 47) + "…" : name;
    }
}
