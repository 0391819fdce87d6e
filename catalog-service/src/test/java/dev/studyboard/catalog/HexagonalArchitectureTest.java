package dev.studyboard.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Hexagonal architecture, checked: the domain in the middle knows nothing of Spring, SQL,
 * HTTP or Kafka; use cases depend only on the domain and their ports; adapters depend inward, never on
 * each other. The shared problems the domain and the use cases throw ({@code dev.studyboard.problems}) are
 * imported too, to check that they are plain Java as well.
 */
@AnalyzeClasses(
        packages = {"dev.studyboard.catalog", "dev.studyboard.problems"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule layers = onionArchitecture()
            .withOptionalLayers(true) // no domain services yet: the aggregate holds the rules
            .domainModels("..book.domain..")
            .applicationServices("..book.application..")
            .adapter("web", "..book.adapter.in.web..")
            .adapter("persistence", "..book.adapter.out.persistence..")
            .adapter("commands", "..book.adapter.in.messaging..")
            .adapter("events", "..book.adapter.out.messaging..");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..book.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "java.sql..",
                    "javax.sql..",
                    "org.apache.kafka..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "dev.studyboard.outbox..",
                    "dev.studyboard.web..")
            .because("the domain is plain Java: no framework, database or messaging code");

    @ArchTest
    static final ArchRule sharedProblemsArePlainJava = classes()
            .that()
            .resideInAPackage("dev.studyboard.problems..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.studyboard.problems..")
            .because("the domain throws them, so they must be plain Java too");

    @ArchTest
    static final ArchRule applicationKnowsNoInfrastructure = noClasses()
            .that()
            .resideInAPackage("..book.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "org.springframework.jdbc..",
                    "org.apache.kafka..",
                    "org.springframework.kafka..",
                    "org.springframework.web..",
                    "dev.studyboard.outbox..",
                    "dev.studyboard.web..")
            .because("use cases reach the database and Kafka only through their ports");

    @ArchTest
    static final ArchRule rulesOfAccessStayAtTheEdge = noClasses()
            .that()
            .resideInAnyPackage("..book.domain..", "..book.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.security..", "dev.studyboard.security..")
            .because("who may call is the web adapter's concern (tokens, roles); the use cases stay plain Java");
}
