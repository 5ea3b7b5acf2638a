package cn.fupin.review;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import cn.fupin.review.cases.ReviewCase;
import cn.fupin.platform.testing.ServiceArchitecture;

/** The layering rules of every service (see {@link ServiceArchitecture}); its module map is {@code ModuleStructureTests}. */
@AnalyzeClasses(packages = "cn.fupin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noOtherServiceIsUsed = ServiceArchitecture.noOtherServiceIsUsed("review");

    @ArchTest
    static final ArchRule httpAdaptersStayOffPersistence = ServiceArchitecture.httpAdaptersStayOffPersistence("review");

    @ArchTest
    static final ArchRule aggregatesKnowNoHttp = ServiceArchitecture.aggregatesKnowNoHttp(ReviewCase.class);

    @ArchTest
    static final ArchRule eventsAreRaisedNotWritten = ServiceArchitecture.eventsAreRaisedNotWritten("review");
}
