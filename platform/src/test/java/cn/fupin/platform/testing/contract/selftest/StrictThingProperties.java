package cn.fupin.platform.testing.contract.selftest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.contract.BadInputProperties;

/**
 * The stand-in service behind the platform's strict door: the property holds. Run by
 * {@link BadInputPropertiesSelfTests}.
 */
@RealInfrastructure
@SpringBootTest(classes = { PlatformTestApplication.class, ThingController.class }, properties = {
        "fupin.api.contract=openapi/strict-bodies-test.yaml", "spring.flyway.locations=classpath:db/platform-test" })
@AutoConfigureMockMvc
class StrictThingProperties extends BadInputProperties {

    StrictThingProperties() {
        super("openapi/strict-bodies-test.yaml", "350481100201");
    }
}
