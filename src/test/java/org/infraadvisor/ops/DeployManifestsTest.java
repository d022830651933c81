package org.infraadvisor.ops;

import org.infraadvisor.engine.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes example in {@code deploy/} stays consistent with the service: probe paths, ports, the
 * folders the service reads, the Secret keys it references and the ConfigMaps the script creates.
 */
class DeployManifestsTest {

    static final Path DEPLOY = Path.of("deploy");

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DEPLOY.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void deploymentMatchesTheService() throws IOException {
        Map<String, Object> deployment = yaml("deployment.yaml");
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", "0");

        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/health/readiness");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/liveness");
        assertThat((Integer) at(container, "ports", "0", "containerPort")).isEqualTo(8080);

        List<Map<String, Object>> env = at(container, "env");
        Map<String, Object> values = env.stream().filter(e -> e.containsKey("value"))
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.get("value")));
        assertThat(values).containsEntry("PORT", "8080");
        Map<String, String> mounts = ((List<Map<String, Object>>) container.get("volumeMounts")).stream()
                .collect(Collectors.toMap(m -> (String) m.get("name"), m -> (String) m.get("mountPath")));
        assertThat(values.get("ADVISOR_RULES_DIR")).isEqualTo(mounts.get("rules"));
        assertThat(values.get("ADVISOR_CONVERSATIONS_DIR")).isEqualTo(mounts.get("conversations"));
        assertThat(values).containsKeys("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_DIALECT");

        Map<String, Object> secret = at(yaml("secret.example.yaml"), "stringData");
        List<Map<String, Object>> fromSecret = env.stream().filter(e -> e.containsKey("valueFrom")).toList();
        assertThat(fromSecret).extracting(e -> (String) e.get("name"))
                .contains("DATASOURCES_DEFAULT_PASSWORD", "ADVISOR_ADMIN_TOKEN", "ADVISOR_MANAGEMENT_TOKEN");
        // the service refuses to start with a shorter token, so even the template's placeholders are long enough
        assertThat(List.of((String) secret.get("admin-token"), (String) secret.get("management-token")))
                .allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(org.infraadvisor.admin.BearerToken.MIN_LENGTH));
        assertThat(fromSecret).allSatisfy(e -> {
            Map<String, Object> ref = at(e, "valueFrom", "secretKeyRef");
            assertThat(ref.get("name")).isEqualTo(at(yaml("secret.example.yaml"), "metadata", "name"));
            assertThat(secret).containsKey((String) ref.get("key"));
        });

        List<Map<String, Object>> sources = at(pod, "volumes", "0", "projected", "sources");
        List<String> catalogue = sources.stream().map(s -> (Map<String, Object>) s.get("configMap"))
                .filter(c -> c.containsKey("items"))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("items")).stream()).map(i -> (String) i.get("path")).toList();
        assertThat(catalogue).containsExactlyInAnyOrder(RuleSetLoader.ACCELERATORS_FILE, RuleSetLoader.ASSUMPTIONS_FILE);

        String script = Files.readString(DEPLOY.resolve("configmaps.sh"));
        List<String> configMaps = sources.stream().map(s -> (String) at(s, "configMap", "name")).collect(Collectors.toList());
        configMaps.add(at(pod, "volumes", "1", "configMap", "name"));
        assertThat(configMaps).allSatisfy(name -> assertThat(script).contains("apply " + name + " "));
    }

    @Test
    void serviceAndKustomizationFitTogether() throws IOException {
        Map<String, Object> service = yaml("service.yaml");
        assertThat((String) at(service, "spec", "ports", "0", "targetPort")).isEqualTo("http");
        assertThat((String) at(service, "spec", "selector", "app"))
                .isEqualTo(at(yaml("deployment.yaml"), "spec", "template", "metadata", "labels", "app"));
        List<String> resources = at(yaml("kustomization.yaml"), "resources");
        assertThat(resources).allSatisfy(r -> assertThat(DEPLOY.resolve(r)).isRegularFile());
    }
}
