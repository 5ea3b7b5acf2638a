package cn.fupin.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The platform alone, as a service would see it, for the platform's own integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlatformTestApplication {
}
