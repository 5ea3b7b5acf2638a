package cn.fupin.review;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceOnTheSpineContract;

@RealInfrastructure
@org.springframework.context.annotation.Import(TestClock.Config.class)
@SpringBootTest
@AutoConfigureMockMvc
class ReviewServiceIntegrationTests extends ServiceOnTheSpineContract {

    @Override
    protected String service() {
        return "review";
    }
}
