package cn.fupin.platform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generators the bad-input property rests on: good values honour the contract's shapes, and every kind of
 * spoiling is offered at every place, so a service that mishandles one of them cannot hide from the property.
 */
class BadInputsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("code", "members"),
            "properties", Map.of(
                    "code", Map.of("type", "string", "pattern", "^(\\d{6}|\\d{9}|\\d{12})$"),
                    "count", Map.of("type", List.of("integer", "null"), "minimum", 1, "maximum", 12),
                    "members", Map.of("type", "array", "maxItems", 2, "minItems", 1, "items", Map.of("type", "object",
                            "properties", Map.of("health", Map.of("type", "array", "items",
                                    Map.of("type", "string", "enum", List.of("01", "02"))))))));

    static <T> List<T> samples(Arbitrary<T> arbitrary) {
        return arbitrary.sampleStream().limit(300).toList();
    }

    @Test
    void goodValuesHonourPatternsBoundsAndRequiredFields() {
        for (JsonNode good : samples(JsonSamples.of(SCHEMA))) {
            assertThat(good.get("code").asString()).matches("\\d{6}|\\d{9}|\\d{12}");
            assertThat(good.get("members").size()).isBetween(1, 2);
            if (good.has("count")) {
                assertThat(good.get("count").asInt()).isBetween(1, 12);
            }
        }
    }

    @Test
    void patternsOfTheContractsShapeAreMatched() {
        for (String pattern : List.of("^\\d{2}$", "^\\d{6,12}$", "^[0-9+\\- ]{5,20}$", "^[a-z0-9._-]{3,60}$",
                "^[1-8]$")) {
            String regex = pattern.replaceFirst("^\\^", "").replaceFirst("\\$$", "");
            assertThat(samples(PatternStrings.matching(pattern))).allMatch(value -> value.matches(regex));
        }
    }

    @Test
    void everyPlaceGetsEveryKindOfSpoiling() {
        JsonNode good = JSON.readTree("{\"code\":\"350481\",\"count\":3,\"members\":[{\"health\":[\"01\"]}]}");
        List<String> what = BadInputs.all(SCHEMA, good).stream().map(BadInputs.Mutant::what).distinct()
                .toList();
        assertThat(what).contains("body: an unknown field", "code: not a valid code or format", "code: too long",
                "count: above its maximum", "count: below its minimum", "count: fraction", "count: text for a number",
                "members: one element too many", "members: null element", "members[0].health: null element",
                "members[0].health[0]: null", "members[0].health[0]: not a valid code or format");
    }

    @Test
    void aSpoiledBodyDiffersFromTheGoodOneInOnePlace() {
        JsonNode good = JSON.readTree("{\"code\":\"350481\",\"members\":[{\"health\":[\"01\"]}]}");
        BadInputs.Mutant nullElement = BadInputs.all(SCHEMA, good).stream()
                .filter(m -> m.what().equals("members[0].health: null element")).findFirst().orElseThrow();
        assertThat(nullElement.body().toString())
                .isEqualTo("{\"code\":\"350481\",\"members\":[{\"health\":[\"01\",null]}]}");
        assertThat(good.toString()).as("the good body is left as it was")
                .isEqualTo("{\"code\":\"350481\",\"members\":[{\"health\":[\"01\"]}]}");
    }
}
