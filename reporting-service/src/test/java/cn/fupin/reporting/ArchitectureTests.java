package cn.fupin.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import cn.fupin.platform.testing.ServiceArchitecture;

/**
 * The layering rules of every service (see {@link ServiceArchitecture}), and reporting's own: a report's figures
 * are read apart from how it is rendered. Its module map is {@code ModuleStructureTests}.
 */
@AnalyzeClasses(packages = "cn.fupin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noOtherServiceIsUsed = ServiceArchitecture.noOtherServiceIsUsed("reporting");

    @ArchTest
    static final ArchRule httpAdaptersStayOffPersistence = ServiceArchitecture.httpAdaptersStayOffPersistence("reporting");

    @ArchTest
    static final ArchRule eventsAreRaisedNotWritten = ServiceArchitecture.eventsAreRaisedNotWritten("reporting");

    /**
     * The written report: figures read from the read models, written as a document, rendered as PDF or XLSX — each
     * layer knows only the one below it, and only the figures touch the database.
     */
    @ArchTest
    static final ArchRule summaryFiguresApartFromRendering = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("endpoint").definedBy("cn.fupin.reporting.summary")
            .layer("rendering").definedBy("cn.fupin.reporting.summary.pdf..", "cn.fupin.reporting.summary.xlsx..")
            .layer("document").definedBy("cn.fupin.reporting.summary.document..")
            .layer("figures").definedBy("cn.fupin.reporting.summary.figures..")
            .whereLayer("endpoint").mayNotBeAccessedByAnyLayer()
            .whereLayer("rendering").mayOnlyBeAccessedByLayers("endpoint")
            .whereLayer("document").mayOnlyBeAccessedByLayers("endpoint", "rendering")
            .whereLayer("figures").mayOnlyBeAccessedByLayers("endpoint", "document");

    @ArchTest
    static final ArchRule onlyFiguresQueryTheDatabase = noClasses()
            .that().resideInAnyPackage("cn.fupin.reporting.summary.document..", "cn.fupin.reporting.summary.pdf..",
                    "cn.fupin.reporting.summary.xlsx..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");
}
