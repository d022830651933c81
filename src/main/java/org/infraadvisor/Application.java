package org.infraadvisor;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Infra Advisor API", version = "0.1",
        description = "Guided advisory dialogue that recommends an AI infrastructure strategy and accelerators."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
