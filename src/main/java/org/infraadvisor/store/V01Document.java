package org.infraadvisor.store;

import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.advice.Advice.Reasons;
import org.infraadvisor.advice.Advice.RuleRef;
import org.infraadvisor.engine.RuleIds;
import org.infraadvisor.engine.RuleSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a recommendation as version 0.1 stored it (the API document of 0.1: reasons with rule names and copied answer
 * texts, a firing trace with the rules' texts) into {@link Advice}. Rule names become the ids the serving rules give
 * them; a rule they no longer have keeps the texts 0.1 stored for it. Rules that every item listed (the chain they
 * all shared) are left out of the items' reasons, as the current engine does; the votes are recovered from the trace.
 */
final class V01Document {

    private static final Pattern VOTE = Pattern.compile("^StrategyVote\\((\\S+), (-?\\d+), (.*)\\)$", Pattern.DOTALL);

    private final Map<String, RuleSet.RuleInfo> serving;
    private final Map<String, RuleRef> rules = new LinkedHashMap<>();
    private final Map<String, JsonNode> steps = new HashMap<>();
    private Set<String> shared = Set.of();

    /** @param serving the serving rules by name, to give old rule names their current ids */
    V01Document(Map<String, RuleSet.RuleInfo> serving) {
        this.serving = serving;
    }

    /**
     * @param doc     the stored 0.1 document
     * @param answers the conversation's stored answers by question id (canonical values)
     */
    Advice read(JsonNode doc, String rulesVersion, Map<String, Object> answers) {
        rules.clear();
        steps.clear();
        for (JsonNode step : list(doc, "explanation")) {
            steps.putIfAbsent(text(step, "rule"), step);
        }
        shared = sharedChain(doc);
        List<Advice.Vote> votes = votes(doc);
        String strategy = text(doc, "strategy");
        Reasons strategyReasons = doc.get("strategyReasons") == null || doc.get("strategyReasons").isNull() ? null
                : strategyReasons(doc.get("strategyReasons"), strategy, votes);
        return new Advice(strategy, number(doc, "confidence"), text(doc, "summary"),
                map(doc, "accelerators", a -> new Advice.Accelerator(text(a, "vendor"), text(a, "model"), (int) number(a, "count"),
                        number(a, "score"), text(a, "reason"), reasons(a))),
                map(doc, "risks", r -> new Advice.Risk(text(r, "severity"), text(r, "title"), text(r, "detail"), reasons(r))),
                map(doc, "readiness", r -> new Advice.Readiness(text(r, "pillar"), text(r, "status"), text(r, "reason"), reasons(r))),
                map(doc, "plan", p -> new Advice.PlanStep((int) number(p, "order"), text(p, "title"), text(p, "detail"), reasons(p))),
                map(doc, "sizing", s -> new Advice.Sizing(text(s, "name"), number(s, "value"), text(s, "unit"), text(s, "formula"), reasons(s))),
                map(doc, "costs", c -> new Advice.Cost(text(c, "strategy"), number(c, "totalUsd"), text(c, "breakdown"), reasons(c))),
                map(doc, "openQuestions", f -> new Advice.FollowUp(text(f, "question"), text(f, "why"))),
                map(doc, "assumptions", a -> new Advice.Assumption(text(a, "key"), null, number(a, "value"), text(a, "unit"),
                        text(a, "source"), a.get("confirmed") != null && a.get("confirmed").getBooleanValue())),
                strategyReasons, votes, null, Collections.unmodifiableMap(new LinkedHashMap<>(answers)),
                Collections.unmodifiableMap(new LinkedHashMap<>(rules)), rulesVersion);
    }

    /** Rules listed by every item: the chain 0.1 repeated in each. */
    private static Set<String> sharedChain(JsonNode doc) {
        Set<String> shared = null;
        for (String list : List.of("accelerators", "risks", "readiness", "plan", "sizing", "costs")) {
            for (JsonNode item : list(doc, list)) {
                Set<String> names = new LinkedHashSet<>(strings(item.get("reasons"), "rules"));
                if (shared == null) {
                    shared = names;
                } else {
                    shared.retainAll(names);
                }
            }
        }
        return shared == null ? Set.of() : shared;
    }

    private Reasons reasons(JsonNode item) {
        JsonNode reasons = item.get("reasons");
        List<String> ruleIds = strings(reasons, "rules").stream().filter(r -> !shared.contains(r)).map(this::ruleId).toList();
        return new Reasons(ruleIds, because(reasons));
    }

    /** As stored, plus (for a strategy 0.1 chose by adding up votes) the rules of the votes for it and their answers. */
    private Reasons strategyReasons(JsonNode stored, String strategy, List<Advice.Vote> votes) {
        List<String> names = strings(stored, "rules");
        Set<String> ruleIds = new LinkedHashSet<>();
        names.forEach(n -> ruleIds.add(ruleId(n)));
        Set<String> answers = new LinkedHashSet<>(because(stored));
        boolean byVotes = names.stream().map(serving::get).anyMatch(r -> r != null && r.talliesVotes());
        if (byVotes) {
            for (Advice.Vote v : votes) {
                if (v.strategy().equals(strategy) && v.points() != 0) {
                    ruleIds.add(v.rule());
                    answers.addAll(v.answers());
                }
            }
        }
        return new Reasons(List.copyOf(ruleIds), List.copyOf(answers));
    }

    /** The votes, from the trace 0.1 stored: each step that concluded a vote, with the answers behind it. */
    private List<Advice.Vote> votes(JsonNode doc) {
        List<Advice.Vote> votes = new ArrayList<>();
        for (JsonNode step : list(doc, "explanation")) {
            for (String concluded : strings(step, "concluded")) {
                Matcher m = VOTE.matcher(concluded);
                if (m.matches()) {
                    votes.add(new Advice.Vote(m.group(1), Integer.parseInt(m.group(2)), ruleId(text(step, "rule")), m.group(3),
                            because(step)));
                }
            }
        }
        return votes;
    }

    private static List<String> because(JsonNode node) {
        List<String> questions = new ArrayList<>();
        for (JsonNode b : list(node, "because")) {
            questions.add(text(b, "question"));
        }
        return questions;
    }

    private String ruleId(String name) {
        RuleSet.RuleInfo info = serving.get(name);
        RuleRef ref;
        if (info != null) {
            ref = new RuleRef(info.id(), info.name(), info.description(), info.rationale(), info.file());
        } else {
            JsonNode step = steps.get(name);
            ref = new RuleRef(RuleIds.of(null, name, null), name, step == null ? null : text(step, "description"),
                    step == null ? null : text(step, "rationale"), null);
        }
        rules.putIfAbsent(ref.id(), ref);
        return ref.id();
    }

    private static <T> List<T> map(JsonNode doc, String field, Function<JsonNode, T> f) {
        List<T> items = new ArrayList<>();
        for (JsonNode n : list(doc, field)) {
            items.add(f.apply(n));
        }
        return items;
    }

    private static Iterable<JsonNode> list(JsonNode node, String field) {
        JsonNode list = node == null ? null : node.get(field);
        return list == null || !list.isArray() ? List.of() : list.values();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : list(node, field)) {
            values.add(v.coerceStringValue());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.coerceStringValue();
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? 0 : v.getDoubleValue();
    }
}
