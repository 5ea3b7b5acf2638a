package cn.fupin.contracts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import cn.fupin.contracts.events.EventSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every endpoint and every event has an example, and every example is what its schema allows: each JSON request body
 * and each JSON success answer of the four contracts carries examples at its media type, valid against the media
 * type's schema; each message of the event catalogue carries an example, a valid event of its type.
 */
class ContractExamplesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("household", "monitoring", "review", "reporting");
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void everyJsonBodyOfEveryOperationHasAValidExample() {
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (String service : SERVICES) {
            JsonNode contract = load("openapi/" + service + ".yaml");
            for (var path : contract.get("paths").properties()) {
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation == null) {
                        continue;
                    }
                    String name = service + " " + operation.get("operationId").asString();
                    List<Map.Entry<String, JsonNode>> bodies = new ArrayList<>();
                    JsonNode request = resolve(contract, operation.path("requestBody"));
                    request.path("content").properties().forEach(media -> bodies.add(Map.entry(name + " request "
                            + media.getKey(), media.getValue())));
                    for (var answer : operation.path("responses").properties()) {
                        if (answer.getKey().startsWith("2")) {
                            resolve(contract, answer.getValue()).path("content").properties().forEach(media -> bodies
                                    .add(Map.entry(name + " " + answer.getKey() + " " + media.getKey(), media.getValue())));
                        }
                    }
                    for (var body : bodies) {
                        if (!body.getKey().contains("json")) {
                            continue; // a file (workbook, PDF, CSV): its form is the format's
                        }
                        List<JsonNode> examples = examples(body.getValue());
                        if (examples.isEmpty()) {
                            missing.add(body.getKey());
                            continue;
                        }
                        Schema schema = schema(contract, body.getValue().get("schema"));
                        for (JsonNode example : examples) {
                            checked++;
                            schema.validate(example).forEach(error -> invalid.add(body.getKey() + ": " + error));
                        }
                    }
                }
            }
        }
        assertThat(missing).as("JSON bodies without an example").isEmpty();
        assertThat(invalid).as("examples their schema refuses").isEmpty();
        assertThat(checked).as("examples checked").isGreaterThan(100);
    }

    @Test
    void everyEventOfTheCatalogueHasAnExampleThatIsAValidEventOfItsType() {
        JsonNode catalogue = load("events/asyncapi.yaml");
        EventSchemas events = new EventSchemas();
        List<String> problems = new ArrayList<>();
        int messages = 0;
        for (var message : catalogue.get("components").get("messages").properties()) {
            messages++;
            JsonNode examples = message.getValue().path("examples");
            if (examples.isEmpty()) {
                problems.add(message.getKey() + ": no example");
                continue;
            }
            if (message.getKey().equals("DeadLetter")) {
                continue; // any bytes a consumer refused
            }
            String type = message.getValue().at("/payload/allOf/1/properties/type/const").asString();
            for (JsonNode example : examples) {
                JsonNode payload = example.get("payload");
                if (!type.equals(payload.path("type").asString())) {
                    problems.add(message.getKey() + ": an example of type " + payload.path("type").asString());
                }
                events.violations(JSON.writeValueAsString(payload))
                        .forEach(violation -> problems.add(message.getKey() + ": " + violation));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(messages).isGreaterThan(30);
    }

    /** The media type's examples: the values of {@code examples}, or its {@code example}. */
    private static List<JsonNode> examples(JsonNode media) {
        List<JsonNode> found = new ArrayList<>();
        media.path("examples").values().forEach(example -> found.add(example.get("value")));
        if (media.has("example")) {
            found.add(media.get("example"));
        }
        return found;
    }

    /** The schema, its references resolved in the contract's components. */
    private static Schema schema(JsonNode contract, JsonNode schema) {
        ObjectNode document = JSON.createObjectNode();
        document.set("components", contract.get("components"));
        document.set("allOf", JSON.createArrayNode().add(schema));
        return SCHEMAS.getSchema(document);
    }

    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = contract.at(resolved.get("$ref").asString().substring(1));
        }
        return resolved;
    }

    private static JsonNode load(String location) {
        try (InputStream in = ContractExamplesTests.class.getClassLoader().getResourceAsStream(location)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(20 * 1024 * 1024);
            Object document = new Yaml(options).load(in);
            return JSON.valueToTree(document);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
