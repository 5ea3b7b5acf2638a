package cn.fupin.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class EventCodecTests {

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

    @Test
    void anEventsNameIsReadFromItsTypeWhereverItStandsWithoutItsData() {
        assertThat(codec.peekName("""
                {"specversion":"1.0","id":"household:h1:1","data":{"type":"decoy","members":[{"a":1}]},
                 "type":"fupin.household.HouseholdImported.v1"}""")).isEqualTo("HouseholdImported");
        assertThat(codec.peekName("""
                {"type":"fupin.review.ReviewOpened.v2","data":{}}""")).isEqualTo("ReviewOpened");
    }

    @Test
    void aRecordWithoutAWellFormedTypeHasNoName() {
        assertThat(codec.peekName("this is not json")).isNull();
        assertThat(codec.peekName("[1, 2]")).isNull();
        assertThat(codec.peekName("{\"id\":\"x\",\"data\":{}}")).isNull();
        assertThat(codec.peekName("{\"type\":\"HouseholdImported\"}")).isNull();
        assertThat(codec.peekName("{\"type\":42}")).isNull();
        assertThat(codec.peekName("{\"id\":\"x\",\"type\":\"fupin.household.Household")).isNull();
    }
}
