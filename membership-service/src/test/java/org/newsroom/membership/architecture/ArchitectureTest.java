package org.newsroom.membership.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsroom.membership");

    /** The lifecycle, the account rules and the signatures are plain Java, testable without a context. */
    @Test
    void theDomainRulesUseNoFrameworkAndNoStorage() {
        noClasses().that().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Service")
                .and().haveSimpleNameNotEndingWith("Scheduler")
                .and().haveSimpleNameNotEndingWith("Document")
                .and().doNotHaveSimpleName("Checkouts")
                .and().resideInAnyPackage("..membership.membership..")
                .or().haveSimpleName("Registration").or().haveSimpleName("LoginThrottle")
                .or().haveSimpleName("RefreshFamily").or().haveSimpleName("StripeSignature")
                .or().haveSimpleName("PatreonSignature").or().haveSimpleName("Tier").or().haveSimpleName("Tiers")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..", "reactor..", "org.newsroom.defaults..")
                .check(MAIN);
    }

    /** Other features reach tiers through {@code Tiers}, never the other way round. */
    @Test
    void tiersDependOnNoOtherFeature() {
        noClasses().that().resideInAPackage("..membership.tier..")
                .should().dependOnClassesThat().resideInAnyPackage("..membership.account..", "..membership.membership..",
                        "..membership.payment..", "..membership.member..", "..membership.token..")
                .check(MAIN);
    }
}
