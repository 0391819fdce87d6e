package dev.studyboard.member;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Layered architecture, checked: each layer calls only the ones below it, web and commands → service → repository
 * and messaging, and all of them use the model. Web and commands are the two ways in (HTTP requests, the import
 * saga's commands from Kafka); repository and messaging the two ways out. Infrastructure stays out of the service layer: it reaches the
 * database through the repository and Kafka through messaging (the outbox), two peers that never call each
 * other. Compare catalog-service's HexagonalArchitectureTest.
 */
@AnalyzeClasses(packages = "dev.studyboard.member", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeredArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Web")
            .definedBy("..member.web..")
            .layer("Commands")
            .definedBy("..member.commands..")
            .layer("Service")
            .definedBy("..member.service..")
            .layer("Repository")
            .definedBy("..member.repository..")
            .layer("Messaging")
            .definedBy("..member.messaging..")
            .layer("Model")
            .definedBy("..member.model..")
            .whereLayer("Web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Web")
            .mayOnlyAccessLayers("Service", "Model")
            .whereLayer("Commands")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Commands")
            .mayOnlyAccessLayers("Service", "Model")
            .whereLayer("Service")
            .mayOnlyBeAccessedByLayers("Web", "Commands")
            .whereLayer("Service")
            .mayOnlyAccessLayers("Repository", "Messaging", "Model")
            .whereLayer("Repository")
            .mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Repository")
            .mayOnlyAccessLayers("Model")
            .whereLayer("Messaging")
            .mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Messaging")
            .mayOnlyAccessLayers("Model")
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers("Web", "Commands", "Service", "Repository", "Messaging")
            .whereLayer("Model")
            .mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule serviceLayerKnowsNoKafka = noClasses()
            .that()
            .resideInAPackage("..member.service..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.studyboard.outbox..", "org.apache.kafka..", "org.springframework.kafka..", "io.cloudevents..")
            .because("topics and the outbox mapping are the messaging layer's; the service only says what happened");

    @ArchTest
    static final ArchRule tokensStopAtTheWebLayer = noClasses()
            .that()
            .resideInAnyPackage(
                    "..member.commands..",
                    "..member.service..",
                    "..member.model..",
                    "..member.repository..",
                    "..member.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.security..", "dev.studyboard.security..")
            .because("the web layer turns the token into an Actor; who may do what is decided in plain Java");
}
