package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.facts.Assumption;
import org.infraadvisor.format.Readable;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills the defaults a question's help states from the catalogue, so they are written once: {@code {{default_model_size_b}}}
 * in {@code help} or {@code why} becomes the value of that key in {@code assumptions.yaml} ("70"; with {@code | percent},
 * a share as a percentage: "25%"). An unknown key is
 * reported with the flow file and the question's line.
 */
final class FlowDefaults {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*(\\|\\s*percent\\s*)?}}");

    private FlowDefaults() {
    }

    static Flow resolve(Flow flow, List<Assumption> assumptions, List<DefinitionProblem> problems) {
        Map<String, Double> values = assumptions.stream()
                .collect(Collectors.toMap(Assumption::getKey, Assumption::getValue, (a, b) -> a));
        List<Question> questions = flow.questions().stream()
                .map(q -> q.withTexts(fill(q.help(), values, flow, q, problems), fill(q.why(), values, flow, q, problems)))
                .toList();
        return new Flow(flow.id(), flow.title(), flow.description(), flow.file(), questions);
    }

    private static String fill(String text, Map<String, Double> values, Flow flow, Question q, List<DefinitionProblem> problems) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Double value = values.get(m.group(1));
            if (value == null) {
                problems.add(new DefinitionProblem(flow.file(), q.line(), "question '%s' refers to {{%s}}, which is not a key of %s"
                        .formatted(q.id(), m.group(1), RuleSetLoader.ASSUMPTIONS_FILE)));
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                String filled = m.group(2) == null ? Readable.number(value) : Readable.percent(value);
                m.appendReplacement(out, Matcher.quoteReplacement(filled));
            }
        }
        return m.appendTail(out).toString();
    }
}
