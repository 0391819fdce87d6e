package dev.studyboard.progress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** progress-service is hexagonal like catalog-service: the rules, checked for every feature package. */
@AnalyzeClasses(packages = "dev.studyboard.progress", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule layers = onionArchitecture()
            .withOptionalLayers(true)
            .domainModels("..domain..")
            .applicationServices("..application..")
            .adapter("web", "..adapter.in.web..")
            .adapter("messaging-in", "..adapter.in.messaging..")
            .adapter("persistence", "..adapter.out.persistence..")
            .adapter("messaging-out", "..adapter.out.messaging..");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta..", "java.sql..", "org.apache.kafka..", "tools.jackson..",
                    "io.cloudevents..", "dev.studyboard.outbox..")
            .because("the domain is plain Java");

    @ArchTest
    static final ArchRule applicationKnowsNoInfrastructure = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "org.springframework.jdbc..", "org.apache.kafka..", "org.springframework.kafka..",
                    "org.springframework.web..", "io.cloudevents..", "tools.jackson..", "dev.studyboard.outbox..")
            .because("use cases reach the database and Kafka only through their ports");
}
