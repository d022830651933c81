package org.infraadvisor.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.infraadvisor.openapi.ApiDocument;
import org.infraadvisor.testsupport.Tree;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped ingress ({@code deploy/ingress.yaml}) routes every path the service serves to the public — each
 * controller route and each file of the web widget, demo page and report page — and none of the operators' paths.
 */
@MicronautTest
class IngressRoutesTest {

    /** Paths that stay inside the cluster: the admin API; Micronaut's management endpoints (probes, metrics) besides. */
    static final String ADMIN = "/admin";

    @Inject
    Router router;

    record IngressPath(String path, String type) {
        /** Kubernetes' matching: Exact is the whole path; Prefix matches whole path elements. */
        boolean routes(String requested) {
            return type.equals("Exact") ? requested.equals(path)
                    : requested.equals(path) || requested.startsWith(path.endsWith("/") ? path : path + "/");
        }
    }

    static List<IngressPath> ingress() {
        List<Tree> rules = DeployManifestsTest.yaml("ingress.yaml").at("spec", "rules").list();
        return rules.stream().flatMap(rule -> rule.at("http", "paths").list().stream())
                .peek(p -> assertThat(p.at("backend", "service", "name").string()).isEqualTo("infra-advisor"))
                .map(p -> new IngressPath(p.get("path").string(), p.get("pathType").string())).toList();
    }

    static String path(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toString().replaceAll("\\{[^}]*}", "x").replaceAll("/+$", "").replaceAll("^$", "/");
    }

    /** Management endpoints (/health, /prometheus, …) and everything under /admin. */
    Set<String> operatorPaths() {
        Set<String> paths = new TreeSet<>();
        router.uriRoutes().filter(r -> !r.getDeclaringType().getName().startsWith("org.infraadvisor.") || path(r).startsWith(ADMIN + "/"))
                .forEach(r -> paths.add(path(r)));
        return paths;
    }

    /** What the public reaches: the service's own routes (templates filled in), the static files under public/, the API document. */
    Set<String> publicPaths() throws IOException {
        Set<String> paths = new TreeSet<>();
        router.uriRoutes().filter(r -> r.getDeclaringType().getName().startsWith("org.infraadvisor.")).map(IngressRoutesTest::path)
                .filter(p -> !p.startsWith(ADMIN + "/")).forEach(paths::add);
        Path root = Path.of("src/main/resources/public");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> paths.add("/" + root.relativize(f).toString().replace('\\', '/')));
        }
        paths.add("/"); // index.html
        paths.add(ApiDocument.PATH); // static, from META-INF/swagger
        return paths;
    }

    @Test
    void everyPublicPathIsRoutedAndNoOperatorPathIs() throws IOException {
        List<IngressPath> ingress = ingress();
        Set<String> open = publicPaths();
        Set<String> internal = operatorPaths();
        assertThat(open).as("the public paths were found").contains("/api/conversations", "/api/conversations/x/answers",
                "/slack/events", "/widget.js", "/report.css", "/", ApiDocument.PATH);
        assertThat(internal).as("the operators' paths were found").contains("/admin/rules", "/health/x", "/prometheus");
        assertThat(open).allSatisfy(path -> assertThat(ingress).as("%s is served to the public but deploy/ingress.yaml does not route it", path)
                .anyMatch(i -> i.routes(path)));
        assertThat(internal).allSatisfy(path -> assertThat(ingress).as("%s must stay inside the cluster", path)
                .noneMatch(i -> i.routes(path)));
        assertThat(ingress).as("every ingress path leads to something the service serves")
                .allSatisfy(i -> assertThat(open).anyMatch(i::routes));
    }
}
