package org.infraadvisor.authoring;

import org.infraadvisor.authoring.VerifyReport.Finding;
import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a rules folder and a conversations folder the way a rule author needs before serving them: compiles
 * every DRL and flow, checks that every value a rule emits or compares is declared (and every rule has a unique id
 * and a declared phase), runs the scenario suite, measures rule coverage, and cross-checks dialogue and rules.
 * The same report serves {@code verify}, a refused reload and {@code GET /admin/rules}.
 */
public final class Verifier {

    /**
     * @param explore         evaluate combinations of answers (slower; the reload skips it)
     * @param maxCombinations per flow, above which the space is sampled (pairwise + random) instead of enumerated
     */
    public record Options(boolean explore, int maxCombinations, long seed) {
        public static final Options FULL = new Options(true, 1000, 42);
        public static final Options FOR_RELOAD = new Options(false, 0, 42);
    }

    /** The report, and the rule set when it compiled (what a reload would serve). */
    public record Result(VerifyReport report, RuleSet ruleSet) {
    }

    private final AdvisorEngine engine;

    public Verifier(AdvisorEngine engine) {
        this.engine = engine;
    }

    public Result verify(Path rulesDir, Path conversationsDir, Options options) {
        String rules = rulesDir.toString();
        String conversations = conversationsDir.toString();
        RuleSet ruleSet;
        try {
            ruleSet = RuleSetLoader.load(rulesDir, conversationsDir);
        } catch (DefinitionException e) {
            return new Result(new VerifyReport(false, rules, conversations, null, 0, e.problems(), null, null, List.of(), List.of()), null);
        }
        RuleModel model = RuleModel.of(ruleSet);
        List<DefinitionProblem> problems = new ArrayList<>(DeclaredValues.check(ruleSet));
        ScenarioCheck.Outcome scenarios = ScenarioCheck.run(ruleSet, rulesDir, engine);
        problems.addAll(scenarios.problems());

        List<Finding> findings = new ArrayList<>();
        List<VerifyReport.RuleRef> notFired = new ArrayList<>();
        for (RuleDef rule : model.rules()) {
            if (!scenarios.firedRules().contains(rule.name())) {
                notFired.add(new VerifyReport.RuleRef(rule.name(), rule.file(), rule.line()));
                findings.add(new Finding(VerifyReport.RULE_NOT_COVERED, rule.file(), rule.line(), rule.name(),
                        "no scenario fires rule \"%s\"".formatted(rule.name()), null));
            }
        }
        VerifyReport.Coverage coverage = new VerifyReport.Coverage(model.rules().size(),
                model.rules().size() - notFired.size(), notFired);
        findings.addAll(CrossChecks.check(ruleSet, model));
        findings.addAll(DeclaredValues.findings(ruleSet));

        List<VerifyReport.Exploration> exploration = List.of();
        if (options.explore()) {
            AnswerSpaceExplorer.Result explored = AnswerSpaceExplorer.explore(ruleSet, model, engine, options.maxCombinations(), options.seed(),
                    scenarios.firedRules());
            findings.addAll(explored.findings());
            exploration = explored.explorations();
        }
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::file).thenComparingInt(Finding::line));
        boolean clean = problems.isEmpty() && scenarios.scenarios().failed() == 0 && findings.isEmpty();
        return new Result(new VerifyReport(clean, rules, conversations, ruleSet.version(), ruleSet.rules().size(),
                List.copyOf(problems), scenarios.scenarios(), coverage, List.copyOf(findings), exploration), ruleSet);
    }

    /** Kinds of finding, for documentation and tests. */
    public static Set<String> findingKinds() {
        return Set.of(VerifyReport.UNUSED_QUESTION, VerifyReport.UNKNOWN_QUESTION, VerifyReport.UNOFFERED_VALUE,
                VerifyReport.RULE_NOT_COVERED, VerifyReport.UNREACHABLE_RULE, VerifyReport.NO_STRATEGY,
                VerifyReport.CONTRADICTING_STRATEGIES, VerifyReport.RULE_LOOP, VerifyReport.RULE_ERROR, VerifyReport.RULE_WITHOUT_ID,
                VerifyReport.RULE_WITHOUT_PHASE);
    }
}
