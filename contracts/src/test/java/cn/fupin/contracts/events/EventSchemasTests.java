package cn.fupin.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventSchemasTests {

    EventSchemas schemas = new EventSchemas();

    static String event(String data) {
        return """
                {"specversion":"1.0","id":"household:household:1b7e:1","source":"/fupin/household-service",
                 "type":"fupin.household.HouseholdRegistered.v1","subject":"6f1c2f3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f",
                 "time":"2026-11-28T10:00:00Z","datacontenttype":"application/json",
                 "dataschema":"https://schemas.fupin.cn/events/household/HouseholdRegistered.v1.schema.json",
                 "areacode":"350481100201","actor":"u-1","correlationid":"c-1","aggregatetype":"household",
                 "sequence":1,"data":%s}""".formatted(data);
    }

    @Test
    void aWellFormedHouseholdRegisteredIsValid() {
        String data = """
                {"householdId":"6f1c2f3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f","category":"REGISTERED","status":"CANDIDATE",
                 "divisionCode":"350481100201","size":1,
                 "members":[{"memberId":"7a1c2f3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f","relation":"01","gender":"1",
                 "birthYear":1970,"active":true}]}""";

        assertThat(schemas.violations(event(data))).isEmpty();
    }

    @Test
    void personalDataAndMissingFieldsAreViolations() {
        String data = """
                {"householdId":"6f1c2f3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f","category":"REGISTERED","status":"CANDIDATE",
                 "size":1,"members":[{"memberId":"7a1c2f3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f","relation":"01",
                 "gender":"1","active":true,"idNumber":"350481197001010011"}]}""";

        assertThat(schemas.violations(event(data))).anyMatch(v -> v.contains("divisionCode"))
                .anyMatch(v -> v.contains("idNumber"));
    }

    @Test
    void anEnvelopeWithoutItsExtensionsIsAViolation() {
        String json = event("{}").replace("\"areacode\":\"350481100201\",", "");

        assertThat(schemas.violations(json)).anyMatch(v -> v.contains("areacode"));
    }
}
