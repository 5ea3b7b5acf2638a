package cn.fupin.monitoring.api;

import java.util.Set;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.contract.BadInputProperties;

/**
 * Every request body and query parameter of monitoring-service's contract, spoiled in one place at a time: never
 * a 5xx, never a write. The projections household and review events feed are others' writes, not watched.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class BadInputPropertiesIntegrationTests extends BadInputProperties {

    static final String VILLAGE = "350481104205";

    BadInputPropertiesIntegrationTests() {
        super("openapi/monitoring.yaml", VILLAGE);
    }

    @Override
    protected Set<String> tablesWrittenByOthers() {
        return Set.of("household_summary", "early_warning", "work_plan", "work_window", "yearly_policy");
    }
}
