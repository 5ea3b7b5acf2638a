package cn.fupin.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates events against the contracts: the CloudEvents envelope schema, then the data schema the event
 * names in {@code dataschema} ({@code https://schemas.fupin.cn/events/<service>/<Event>.v<N>.schema.json},
 * shipped in this jar under {@code events/}).
 */
public final class EventSchemas {

    public static final String SCHEMA_BASE = "https://schemas.fupin.cn/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** Every violation of the envelope or of its data schema; empty when the event is valid. */
    public List<String> violations(String eventJson) {
        JsonNode event = mapper.readTree(eventJson);
        List<String> found = new ArrayList<>(messages(schema("events/cloudevent.schema.json").validate(event)));
        String dataschema = event.path("dataschema").asString("");
        if (!dataschema.startsWith(SCHEMA_BASE)) {
            found.add("dataschema " + dataschema + " is not a Fupin schema");
            return found;
        }
        String location = dataschema.substring(SCHEMA_BASE.length());
        if (getClass().getClassLoader().getResource(location) == null) {
            found.add("no schema " + location + " in contracts");
            return found;
        }
        found.addAll(messages(schema(location).validate(event.path("data"))));
        return found;
    }

    private Schema schema(String classpathLocation) {
        return schemas.computeIfAbsent(classpathLocation, location -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(location)) {
                return registry.getSchema(in);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
