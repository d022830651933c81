package org.infraadvisor.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout: a core that knows no HTTP and no wire format, application services that reach the edge only
 * through interfaces they own, adapters at the edge, and no package that depends on another in a circle.
 */
@AnalyzeClasses(packages = "org.infraadvisor", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTest {

    static final String[] CORE = {"org.infraadvisor.dialogue..", "org.infraadvisor.facts..", "org.infraadvisor.format..",
            "org.infraadvisor.knowledge..", "org.infraadvisor.engine..", "org.infraadvisor.advice.."};
    static final String[] APPLICATION = {"org.infraadvisor.conversation..", "org.infraadvisor.explain..",
            "org.infraadvisor.whatif..", "org.infraadvisor.authoring..", "org.infraadvisor.scenarios..",
            "org.infraadvisor.progress.."};
    static final String[] ADAPTERS = {"org.infraadvisor.http..", "org.infraadvisor.document..", "org.infraadvisor.channels..",
            "org.infraadvisor.report..", "org.infraadvisor.store..", "org.infraadvisor.ops..", "org.infraadvisor.limits..",
            "org.infraadvisor.retention..", "org.infraadvisor.reload..", "org.infraadvisor.admin..", "org.infraadvisor.openapi.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.infraadvisor.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreKnowsNoApplicationOrAdapter = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(concat(APPLICATION, ADAPTERS));

    @ArchTest
    static final ArchRule coreKnowsNoHttpOrWireFormat = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.micronaut.serde..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses().that().resideInAnyPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule applicationKnowsNoHttp = noClasses().that().resideInAnyPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..");

    /** Every REST controller is in the HTTP adapter; a channel's own endpoint (Slack's events, the widget's icon) stays with it. */
    @ArchTest
    static final ArchRule controllersLiveInTheHttpAdapter = noClasses()
            .that().areAnnotatedWith("io.micronaut.http.annotation.Controller")
            .should().resideOutsideOfPackages("org.infraadvisor.http..", "org.infraadvisor.channels..");

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
