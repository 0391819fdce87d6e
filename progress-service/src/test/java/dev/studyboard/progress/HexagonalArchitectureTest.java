package dev.studyboard.progress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each feature of progress-service is a hexagon of its own, like catalog-service: the onion rules hold inside
 * each, and no class outside a feature reaches into its layers (only into what it publishes, e.g. {@code
 * replica.api}; which feature may use which is {@link ModuleStructureTest}'s part).
 */
@AnalyzeClasses(packages = "dev.studyboard.progress", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule assignment = hexagon("assignment");

    @ArchTest
    static final ArchRule board = hexagon("board");

    @ArchTest
    static final ArchRule replica = hexagon("replica");

    @ArchTest
    static final ArchRule imports = hexagon("imports");

    @ArchTest
    static final ArchRule page = hexagon("page");

    @ArchTest
    static final ArchRule report = hexagon("report");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "java.sql..",
                    "org.apache.kafka..",
                    "tools.jackson..",
                    "io.cloudevents..",
                    "dev.studyboard.outbox..")
            .because("the domain is plain Java");

    @ArchTest
    static final ArchRule applicationKnowsNoInfrastructure = noClasses()
            .that()
            .resideInAnyPackage("..application..", "..api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "org.springframework.jdbc..",
                    "org.apache.kafka..",
                    "org.springframework.kafka..",
                    "org.springframework.web..",
                    "io.cloudevents..",
                    "tools.jackson..",
                    "dev.studyboard.outbox..")
            .because("use cases, and what a feature publishes to the others, reach the database and Kafka only"
                    + " through ports");

    @ArchTest
    static final ArchRule useCasesKnowNoSecurityFramework = noClasses()
            .that()
            .resideInAnyPackage("..domain..", "..application..", "..api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.security..", "dev.studyboard.security..")
            .because("who may change which work is a rule in plain Java, decided from an Actor the web adapter"
                    + " builds from the verified token");

    private static ArchRule hexagon(String feature) {
        var base = "dev.studyboard.progress." + feature;
        return onionArchitecture()
                .withOptionalLayers(true)
                .domainModels(base + ".domain..")
                .applicationServices(base + ".application..")
                .adapter("web", base + ".adapter.in.web..")
                .adapter("messaging-in", base + ".adapter.in.messaging..")
                .adapter("persistence", base + ".adapter.out.persistence..")
                .adapter("messaging-out", base + ".adapter.out.messaging..")
                .adapter("scheduling", base + ".adapter.in.scheduling..")
                .as(feature + " is a hexagon of its own");
    }
}
