package cn.fupin.household.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.contract.BadInputProperties;
import cn.fupin.platform.testing.contract.OpenApiOperations.Operation;
import tools.jackson.databind.JsonNode;

/**
 * Every request body and query parameter of household-service's contract, spoiled in one place at a time: never
 * a 5xx, never a write. The paths name a registered household of the clerk's village, made poor, and its head.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class BadInputPropertiesIntegrationTests extends BadInputProperties {

    static final String VILLAGE = "350481104205";
    static final SyntheticHouseholds synthetic = new SyntheticHouseholds(909);

    private String household;
    private String head;

    BadInputPropertiesIntegrationTests() {
        super("openapi/household.yaml", VILLAGE);
    }

    @Override
    protected void prepare() throws Exception {
        if (household != null) {
            return;
        }
        JsonNode registered = json.readTree(mvc.perform(post("/api/v1/households")
                .with(Tokens.as("village-clerk", VILLAGE)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(synthetic.next(VILLAGE)))).andReturn().getResponse()
                .getContentAsString());
        assertThat(registered.has("id")).as(registered.toString()).isTrue();
        household = registered.required("id").asString();
        head = registered.required("members").get(0).required("id").asString();
        jdbc.update("update household set status = 'POOR' where id = ?", UUID.fromString(household));
    }

    @Override
    protected String pathValue(Operation operation, String name) {
        return switch (name) {
            case "householdId" -> household;
            case "memberId" -> head;
            case "year" -> "2020";
            case "code" -> VILLAGE;
            default -> super.pathValue(operation, name);
        };
    }

    @Override
    protected Optional<JsonNode> goodBody(Operation operation) {
        if (operation.id().equals("registerHousehold")) {
            return Optional.of(json.valueToTree(synthetic.next(VILLAGE)));
        }
        return Optional.empty();
    }
}
