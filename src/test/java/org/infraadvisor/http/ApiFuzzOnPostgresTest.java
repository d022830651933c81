package org.infraadvisor.http;

import org.infraadvisor.testsupport.TestDatabases;

import java.util.Map;

class ApiFuzzOnPostgresTest extends ApiFuzzTest {
    @Override
    Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
