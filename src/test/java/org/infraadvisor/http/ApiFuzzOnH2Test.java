package org.infraadvisor.http;

import org.infraadvisor.testsupport.TestDatabases;

import java.util.Map;

class ApiFuzzOnH2Test extends ApiFuzzTest {
    @Override
    Map<String, Object> database() {
        return TestDatabases.h2();
    }
}
