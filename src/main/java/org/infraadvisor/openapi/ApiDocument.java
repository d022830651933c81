package org.infraadvisor.openapi;

/** The version of the REST API and where the service serves its OpenAPI document (generated at build time). */
public final class ApiDocument {

    public static final String VERSION = "0.2";
    public static final String PATH = "/openapi/infra-advisor-api-" + VERSION + ".yml";

    private ApiDocument() {
    }
}
