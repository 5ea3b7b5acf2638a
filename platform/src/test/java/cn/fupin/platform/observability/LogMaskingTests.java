package cn.fupin.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A service's log, configured by Spring Boot from the platform's logback-spring.xml as in production, never shows
 * an ID number, phone or bank account in full: not in messages, arguments or exception messages.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests {

    static final String ID_NUMBER = "350481199001011234";
    static final String PHONE = "13812345678";
    static final String ACCOUNT = "6217001234567890123";

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void personalDataNeverReachesTheLogInFull(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off",
                "--spring.autoconfigure.exclude=*")) {
            Logger log = LoggerFactory.getLogger("cn.fupin.test.Registrations");
            log.info("registered member {} with phone {}", ID_NUMBER, PHONE);
            log.warn("bank account " + ACCOUNT + " refused",
                    new IllegalStateException("duplicate key (id_number)=(" + ID_NUMBER + ")"));
        }

        assertThat(output.getOut()).contains("registered member 350481********1234 with phone 138****5678")
                .contains("bank account ***************0123 refused")
                .contains("java.lang.IllegalStateException: duplicate key (id_number)=(350481********1234)")
                .contains("at cn.fupin.platform.observability.LogMaskingTests")
                .doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain(ACCOUNT);
    }
}
