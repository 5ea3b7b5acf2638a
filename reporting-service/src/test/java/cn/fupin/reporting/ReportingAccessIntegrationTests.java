package cn.fupin.reporting;

import static cn.fupin.platform.testing.Tokens.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import cn.fupin.platform.testing.ContractRolesAgreement;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/** Each report's roles as the contract states them, enforced before the request is read. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class ReportingAccessIntegrationTests extends ServiceTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void everyOperationStatesItsRolesAndTheControllerAllowsTheSame() {
        ContractRolesAgreement.verify(context, "openapi/reporting.yaml");
    }

    @Test
    void departmentsReadNoReportAndOnlyTheCityRebuilds() throws Exception {
        mvc.perform(get("/api/v1/reports/overview").with(as("dept-provider", "350481")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reports/rebuilds").with(as("auditor", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content("not json")).andExpect(status().isForbidden());
    }
}
