package cn.fupin.household;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.fupin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("cn.fupin.household..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.fupin.monitoring..", "cn.fupin.review..",
                    "cn.fupin.reporting..", "cn.fupin.gateway..");

    @ArchTest
    static final ArchRule webDoesNotReachIntoPersistence = noClasses().that().resideInAPackage("cn.fupin.household..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.springframework.data.repository..");
}
