package org.infraadvisor;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.infraadvisor.openapi.AdminOperations;
import org.infraadvisor.openapi.ApiDocument;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

@OpenAPIDefinition(info = @Info(title = "Infra Advisor API", version = ApiDocument.VERSION,
        description = "Guided advisory dialogue that recommends an AI infrastructure strategy and accelerators.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "The service that serves this document"))
@SecurityScheme(name = AdminOperations.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The admin token (advisor.admin.token, ADVISOR_ADMIN_TOKEN); without one configured, /admin answers 404")
public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            // Logs go to stderr so that the report (and --json) alone is on stdout.
            System.setProperty("logback.configurationFile", "logback-verify.xml");
            int code = org.infraadvisor.authoring.VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length),
                    new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8));
            System.exit(code);
        }
        Micronaut.run(Application.class, args);
    }
}
