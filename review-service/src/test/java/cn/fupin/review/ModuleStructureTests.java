package cn.fupin.review;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's feature packages as modules (Spring Modulith): no cycles between them, and one reaches into
 * another only through that one's top-level package, its API; what lies below it is internal.
 */
class ModuleStructureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ReviewServiceApplication.class);

    @Test
    void featuresAreModulesWithoutCyclesUsingEachOthersApiOnly() {
        MODULES.verify();
    }
}
