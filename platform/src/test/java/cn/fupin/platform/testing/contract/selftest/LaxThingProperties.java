package cn.fupin.platform.testing.contract.selftest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.fupin.platform.PlatformTestApplication;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.web.StrictRequestBodies;

/**
 * The same stand-in service with the strict door deliberately broken (Spring Boot's lenient reading left in
 * place): the property must fail. Run by {@link BadInputPropertiesSelfTests}.
 */
@RealInfrastructure
@SpringBootTest(classes = { PlatformTestApplication.class, ThingController.class,
        LaxThingProperties.BrokenDoor.class }, properties = {
                "fupin.api.contract=openapi/strict-bodies-test.yaml",
                "spring.flyway.locations=classpath:db/platform-test" })
@AutoConfigureMockMvc
class LaxThingProperties extends StrictThingProperties {

    /** Swaps the platform's strict reader for one that changes nothing: Spring Boot's lenient reading stays. */
    @Configuration(proxyBeanMethods = false)
    static class BrokenDoor {

        @Bean
        static BeanPostProcessor laxRequestBodies() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof StrictRequestBodies ? new WebMvcConfigurer() {
                    } : bean;
                }
            };
        }
    }
}
