package cn.fupin.review.api;

import java.util.Set;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.contract.BadInputProperties;
import cn.fupin.platform.testing.contract.OpenApiOperations.Operation;
import cn.fupin.review.TestClock;

/**
 * Every request body and query parameter of review-service's contract, spoiled in one place at a time: never a
 * 5xx, never a write. Accounts are Keycloak's: unreachable here, an accepted account request is a 503.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class BadInputPropertiesIntegrationTests extends BadInputProperties {

    static final String VILLAGE = "350481104205";

    BadInputPropertiesIntegrationTests() {
        super("openapi/review.yaml", VILLAGE);
    }

    @Override
    protected String pathValue(Operation operation, String name) {
        return switch (name) {
            case "year" -> "2030";
            case "username" -> "clerk-zz";
            default -> super.pathValue(operation, name);
        };
    }

    @Override
    protected Set<String> operationsCallingOut() {
        return Set.of("createAccount", "disableAccount");
    }
}
