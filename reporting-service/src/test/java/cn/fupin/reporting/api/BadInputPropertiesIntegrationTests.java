package cn.fupin.reporting.api;

import java.util.Set;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.contract.BadInputProperties;
import cn.fupin.platform.testing.contract.OpenApiOperations.Operation;

/**
 * Every query parameter of reporting-service's contract, spoiled one at a time: never a 5xx, never a write. The
 * read models are written by the events of every other test, not by these reads, and not watched.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class BadInputPropertiesIntegrationTests extends BadInputProperties {

    static final String TOWNSHIP = "350481104";

    BadInputPropertiesIntegrationTests() {
        super("openapi/reporting.yaml", TOWNSHIP + "205");
    }

    @Override
    protected String pathValue(Operation operation, String name) {
        return name.equals("areaCode") ? TOWNSHIP : super.pathValue(operation, name);
    }

    @Override
    protected Set<String> tablesWrittenByOthers() {
        return Set.of("household_fact", "monitoring_fact", "household_change", "annual_income", "data_issue_fact",
                "review_case_fact", "work_plan_fact", "function_window_fact");
    }
}
