package cn.fupin.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypeTests {

    @Test
    void readsServiceNameAndVersion() {
        EventType type = EventType.parse("fupin.household.MemberAdded.v2");

        assertThat(type.service()).isEqualTo("household");
        assertThat(type.name()).isEqualTo("MemberAdded");
        assertThat(type.version()).isEqualTo(2);
        assertThat(type).hasToString("fupin.household.MemberAdded.v2");
    }

    @Test
    void refusesTypesOutsideTheNamingScheme() {
        assertThatThrownBy(() -> EventType.parse("com.example.Thing")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventType.parse("fupin.household.memberAdded.v1"))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventType.parse(null)).isInstanceOf(InvalidEventException.class);
    }
}
