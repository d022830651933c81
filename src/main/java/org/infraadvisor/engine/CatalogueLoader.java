package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Assumption;
import org.infraadvisor.facts.CloudPrice;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalogue data kept beside the rules: {@code catalogue/accelerators.yaml} (a list under
 * {@code accelerators}) and {@code catalogue/assumptions.yaml} (a list under {@code assumptions}).
 * Problems are reported with file and line.
 */
public final class CatalogueLoader {

    private static final Set<String> ACCELERATOR_NUMBERS = Set.of("memoryGb", "bandwidthTbs", "bf16Tflops", "fp8Tflops",
            "powerW", "tokensPerSecond", "purchaseUsd", "devicesPerServer", "purchaseUnit", "scaleUpDevices", "rentUnit", "rackKw");
    private static final Set<String> ACCELERATOR_KEYS = Set.of("id", "vendor", "model", "family", "liquidCooled",
            "availability", "softwareStack", "unconfirmed", "notes", "sources", "memoryGb", "bandwidthTbs", "bf16Tflops",
            "fp8Tflops", "powerW", "tokensPerSecond", "purchaseUsd", "extra", "roles", "devicesPerServer",
            "purchaseUnit", "scaleUpDevices", "rentUnit", "prices", "reference", "rackKw");
    private static final Set<String> PRICE_KEYS = Set.of("onDemand", "reserved1y", "reserved3y", "spot", "unconfirmed", "sources");
    private static final Set<String> ROLES = Set.of("inference", "fine-tuning", "training");
    /** Software stacks an accelerator may declare (rules compare {@code softwareStack} with these). */
    public static final Set<String> STACKS = Set.of("cuda", "rocm", "gaudi", "xla", "neuron", "cpu");
    /** Providers a part can be rented from; {@code gpu-cloud} stands for the specialised GPU clouds. */
    public static final Set<String> PROVIDERS = Set.of("aws", "azure", "gcp", "oci", "gpu-cloud");
    private static final Set<String> PLACES = Set.of("on-prem", "aws", "azure", "gcp", "oci", "gpu-cloud");

    private final String file;
    private final List<DefinitionProblem> problems;

    private CatalogueLoader(String file, List<DefinitionProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    static List<Accelerator> accelerators(String file, String yaml, List<DefinitionProblem> problems) {
        CatalogueLoader loader = new CatalogueLoader(file, problems);
        List<Accelerator> result = new ArrayList<>();
        for (Entry entry : loader.entries(yaml, "accelerators")) {
            Map<String, Object> m = entry.fields();
            int line = entry.line();
            for (String key : m.keySet()) {
                if (!ACCELERATOR_KEYS.contains(key)) {
                    loader.problem(line, "unknown accelerator field '%s'".formatted(key));
                }
            }
            String id = loader.text(m, "id", line, true);
            loader.oneOf(loader.text(m, "softwareStack", line, false), STACKS, "softwareStack", line);
            loader.list(m, "availability", line).forEach(p -> loader.oneOf(p, PLACES, "availability", line));
            loader.list(m, "unconfirmed", line).forEach(f -> loader.oneOf(f, ACCELERATOR_KEYS, "unconfirmed", line));
            Map<String, Double> numbers = new LinkedHashMap<>();
            for (String key : ACCELERATOR_NUMBERS) {
                numbers.put(key, loader.number(m, key, line));
            }
            Map<String, CloudPrice> prices = loader.prices(m, line);
            List<String> availability = new ArrayList<>();
            for (String place : loader.list(m, "availability", line)) {
                if (place.equals("on-prem")) {
                    availability.add(place);
                } else if (!prices.containsKey(place)) {
                    loader.problem(line, "availability lists '%s' but 'prices' has no '%s' entry".formatted(place, place));
                }
            }
            availability.addAll(prices.keySet());
            result.add(new Accelerator(id, loader.text(m, "vendor", line, true), loader.text(m, "model", line, true),
                    loader.text(m, "family", line, false), numbers.get("memoryGb"), numbers.get("bandwidthTbs"),
                    numbers.get("bf16Tflops"), numbers.get("fp8Tflops"), numbers.get("powerW"),
                    Boolean.TRUE.equals(m.get("liquidCooled")), List.copyOf(availability),
                    loader.text(m, "softwareStack", line, true), numbers.get("tokensPerSecond"),
                    numbers.get("purchaseUsd"), loader.list(m, "unconfirmed", line),
                    loader.text(m, "notes", line, false), loader.list(m, "sources", line), loader.roles(m, line),
                    orDefault(numbers.get("devicesPerServer"), 1), orDefault(numbers.get("purchaseUnit"), 1),
                    orDefault(numbers.get("scaleUpDevices"), 1), orDefault(numbers.get("rentUnit"), 1),
                    m.get("extra") instanceof Map<?, ?> extra ? castMap(extra) : Map.of(), prices,
                    Boolean.TRUE.equals(m.get("reference")), numbers.get("rackKw")));
        }
        List<String> references = result.stream().filter(Accelerator::isReference).map(Accelerator::getId).toList();
        if (references.size() > 1) {
            loader.problem(1, "only one accelerator may be marked 'reference: true' (the part the break-even and the training of "
                    + "serving-only parts are worked out on); found " + references);
        }
        return result;
    }

    /** {@code prices: {aws: {onDemand: 3.90, reserved1y: ..., spot: ..., unconfirmed: true, sources: [...]}, ...}}. */
    private Map<String, CloudPrice> prices(Map<String, Object> m, int line) {
        Object v = m.get("prices");
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> byProvider)) {
            problem(line, "'prices' must map providers to prices");
            return Map.of();
        }
        Map<String, CloudPrice> prices = new java.util.TreeMap<>();
        for (Map.Entry<?, ?> e : byProvider.entrySet()) {
            String provider = String.valueOf(e.getKey());
            oneOf(provider, PROVIDERS, "provider under 'prices'", line);
            if (!(e.getValue() instanceof Map<?, ?> raw)) {
                problem(line, "price of '%s' must be a mapping with at least 'onDemand'".formatted(provider));
                continue;
            }
            Map<String, Object> p = castMap(raw);
            p.keySet().stream().filter(k -> !PRICE_KEYS.contains(k))
                    .forEach(k -> problem(line, "unknown price field '%s' under '%s'; expected %s".formatted(k, provider,
                            PRICE_KEYS.stream().sorted().toList())));
            double onDemand = number(p, "onDemand", line);
            if (Double.isNaN(onDemand) || onDemand <= 0) {
                problem(line, "price of '%s' needs a positive 'onDemand' per device-hour".formatted(provider));
                continue;
            }
            prices.put(provider, new CloudPrice(provider, onDemand, number(p, "reserved1y", line), number(p, "reserved3y", line),
                    number(p, "spot", line), Boolean.TRUE.equals(p.get("unconfirmed")), list(p, "sources", line)));
        }
        return prices;
    }

    static List<Assumption> assumptions(String file, String yaml, List<DefinitionProblem> problems) {
        CatalogueLoader loader = new CatalogueLoader(file, problems);
        List<Assumption> result = new ArrayList<>();
        for (Entry entry : loader.entries(yaml, "assumptions")) {
            Map<String, Object> m = entry.fields();
            int line = entry.line();
            Object confirmed = m.getOrDefault("confirmed", Boolean.TRUE);
            result.add(new Assumption(loader.text(m, "key", line, true), loader.text(m, "label", line, true), loader.number(m, "value", line),
                    loader.text(m, "unit", line, false), loader.text(m, "source", line, false),
                    !Boolean.FALSE.equals(confirmed)));
        }
        return result;
    }

    /** One catalogue entry: its fields as plain Java values and the line where it starts. */
    private record Entry(int line, Map<String, Object> fields) {
    }

    /** Reads the list twice: as nodes for line numbers and as plain values for the fields. */
    @SuppressWarnings("unchecked")
    private List<Entry> entries(String yaml, String listKey) {
        Node root;
        Map<String, Object> values;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
            values = new Yaml(new LoaderOptions()).load(yaml);
        } catch (MarkedYAMLException e) {
            problem(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "YAML syntax: " + e.getProblem());
            return List.of();
        }
        if (root instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(listKey) && t.getValueNode() instanceof SequenceNode seq) {
                    List<Entry> entries = new ArrayList<>();
                    List<Object> plain = (List<Object>) values.get(listKey);
                    for (int i = 0; i < seq.getValue().size(); i++) {
                        Node n = seq.getValue().get(i);
                        if (n instanceof MappingNode && plain.get(i) instanceof Map<?, ?> fields) {
                            entries.add(new Entry(n.getStartMark().getLine() + 1, castMap(fields)));
                        } else {
                            problem(n.getStartMark().getLine() + 1, "each entry of '%s' must be a mapping".formatted(listKey));
                        }
                    }
                    return entries;
                }
            }
        }
        problem(1, "expected a mapping with a list under '%s'".formatted(listKey));
        return List.of();
    }

    private String text(Map<String, Object> m, String key, int line, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problem(line, "entry needs '%s'".formatted(key));
            }
            return null;
        }
        return v.toString();
    }

    private double number(Map<String, Object> m, String key, int line) {
        Object v = m.get(key);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        problem(line, "'%s' must be a number, got '%s'".formatted(key, v));
        return Double.NaN;
    }

    private List<String> list(Map<String, Object> m, String key, int line) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        problem(line, "'%s' must be a list".formatted(key));
        return List.of();
    }

    /** Roles default to all three; a misspelt role is a problem, not a silent exclusion. */
    private List<String> roles(Map<String, Object> m, int line) {
        if (!m.containsKey("roles")) {
            return List.of("inference", "fine-tuning", "training");
        }
        List<String> roles = list(m, "roles", line);
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                problem(line, "unknown role '%s'; expected one of %s".formatted(role, ROLES.stream().sorted().toList()));
            }
        }
        return roles;
    }

    private void oneOf(String value, Set<String> allowed, String field, int line) {
        if (value != null && !allowed.contains(value)) {
            problem(line, "'%s' is not a valid %s; expected one of %s".formatted(value, field, allowed.stream().sorted().toList()));
        }
    }

    private static double orDefault(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }

    private void problem(int line, String message) {
        problems.add(new DefinitionProblem(file, line, message));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
