package dev.studyboard.member;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Layered architecture (seed 000, 3.2), checked: each layer calls only the one below it, web → service →
 * repository, and all of them use the model. Compare catalog-service's HexagonalArchitectureTest (3.3).
 */
@AnalyzeClasses(packages = "dev.studyboard.member", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeredArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("..member.web..")
            .layer("Service").definedBy("..member.service..")
            .layer("Repository").definedBy("..member.repository..")
            .layer("Model").definedBy("..member.model..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Web").mayOnlyAccessLayers("Service", "Model")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Service").mayOnlyAccessLayers("Repository", "Model")
            .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Repository").mayOnlyAccessLayers("Model")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Web", "Service", "Repository")
            .whereLayer("Model").mayNotAccessAnyLayer();
}
