package org.newsroom.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.newsroom.article", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** State machines and rules are plain Java, testable without a Spring context or a database. */
    @ArchTest
    static final ArchRule domainCodeHasNoFramework = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                    "com.mongodb..", "org.apache.kafka..", "reactor..", "org.newsroom.defaults..");

    /** The domains of the features do not reach into each other. */
    @ArchTest
    static final ArchRule contentDomainStandsAlone = noClasses().that().resideInAPackage("..content.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..patron..", "..commission..", "..editorial..",
                    "..reading..");

    @ArchTest
    static final ArchRule patronAndCommissionDomainsStandAlone = noClasses()
            .that().resideInAnyPackage("..patron.domain..", "..commission.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..content..", "..editorial..", "..reading..");

    /** Readers' code never writes: nothing in reading depends on the editorial workflow. */
    @ArchTest
    static final ArchRule readingDoesNotUseTheEditorialWorkflow = noClasses().that().resideInAPackage("..reading..")
            .should().dependOnClassesThat().resideInAPackage("..editorial..");
}
