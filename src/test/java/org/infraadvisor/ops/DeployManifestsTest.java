package org.infraadvisor.ops;

import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.testsupport.Tree;
import org.junit.jupiter.api.Test;

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

    static Tree yaml(String file) {
        return Tree.yaml(DEPLOY.resolve(file));
    }

    @Test
    void deploymentMatchesTheService() throws IOException {
        Tree deployment = yaml("deployment.yaml");
        assertThat(deployment.at("spec", "replicas").integer()).isGreaterThanOrEqualTo(2);
        Tree pod = deployment.at("spec", "template", "spec");
        Tree container = pod.at("containers", "0");

        assertThat(container.at("readinessProbe", "httpGet", "path").string()).isEqualTo("/health/readiness");
        assertThat(container.at("livenessProbe", "httpGet", "path").string()).isEqualTo("/health/liveness");
        assertThat(container.at("ports", "0", "containerPort").integer()).isEqualTo(8080);

        List<Tree> env = container.get("env").list();
        Map<String, Object> values = env.stream().filter(e -> e.has("value"))
                .collect(Collectors.toMap(e -> e.get("name").string(), e -> e.get("value").value()));
        assertThat(values).containsEntry("PORT", "8080");
        Map<String, String> mounts = container.get("volumeMounts").list().stream()
                .collect(Collectors.toMap(m -> m.get("name").string(), m -> m.get("mountPath").string()));
        assertThat(values.get("ADVISOR_RULES_DIR")).isEqualTo(mounts.get("rules"));
        assertThat(values.get("ADVISOR_CONVERSATIONS_DIR")).isEqualTo(mounts.get("conversations"));
        assertThat(values).containsKeys("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_DIALECT");

        Tree secret = yaml("secret.example.yaml").get("stringData");
        List<Tree> fromSecret = env.stream().filter(e -> e.has("valueFrom")).toList();
        assertThat(fromSecret).extracting(e -> e.get("name").string())
                .contains("DATASOURCES_DEFAULT_PASSWORD", "ADVISOR_ADMIN_TOKEN", "ADVISOR_MANAGEMENT_TOKEN");
        // the service refuses to start with a shorter token, so even the template's placeholders are long enough
        assertThat(List.of(secret.get("admin-token").string(), secret.get("management-token").string()))
                .allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(org.infraadvisor.admin.BearerToken.MIN_LENGTH));
        assertThat(fromSecret).allSatisfy(e -> {
            Tree ref = e.at("valueFrom", "secretKeyRef");
            assertThat(ref.get("name").string()).isEqualTo(yaml("secret.example.yaml").at("metadata", "name").string());
            assertThat(secret.has(ref.get("key").string())).as(ref.get("key").string()).isTrue();
        });

        List<Tree> sources = pod.at("volumes", "0", "projected", "sources").list();
        List<String> catalogue = sources.stream().map(s -> s.get("configMap"))
                .filter(c -> c.has("items"))
                .flatMap(c -> c.get("items").list().stream()).map(i -> i.get("path").string()).toList();
        assertThat(catalogue).containsExactlyInAnyOrder(RuleSetLoader.ACCELERATORS_FILE, RuleSetLoader.ASSUMPTIONS_FILE);

        String script = Files.readString(DEPLOY.resolve("configmaps.sh"));
        List<String> configMaps = sources.stream().map(s -> s.at("configMap", "name").string()).collect(Collectors.toList());
        configMaps.add(pod.at("volumes", "1", "configMap", "name").string());
        assertThat(configMaps).allSatisfy(name -> assertThat(script).contains("apply " + name + " "));
    }

    @Test
    void serviceAndKustomizationFitTogether() {
        Tree service = yaml("service.yaml");
        assertThat(service.at("spec", "ports", "0", "targetPort").string()).isEqualTo("http");
        assertThat(service.at("spec", "selector", "app").string())
                .isEqualTo(yaml("deployment.yaml").at("spec", "template", "metadata", "labels", "app").string());
        List<String> resources = yaml("kustomization.yaml").get("resources").strings();
        assertThat(resources).allSatisfy(r -> assertThat(DEPLOY.resolve(r)).isRegularFile());
    }
}
