package cn.fupin.household;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceOnTheSpineContract;

@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class HouseholdServiceIntegrationTests extends ServiceOnTheSpineContract {

    @Override
    protected String service() {
        return "household";
    }
}
