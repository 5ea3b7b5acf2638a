package cn.fupin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AreaScopeTests {

    AreaScope township = AreaScope.of("350481100");

    @Test
    void coversItsOwnVillagesOnly() {
        assertThat(township.covers("350481100201")).isTrue();
        assertThat(township.covers("350481101201")).isFalse();
        assertThat(township.covers(null)).isFalse();
    }

    @Test
    void narrowsAreaFiltersToTheScope() {
        assertThat(township.narrow(null)).isEqualTo("350481100");
        assertThat(township.narrow("350481100201")).isEqualTo("350481100201");
        assertThat(township.narrow("350481")).as("a wider filter is cut to the scope").isEqualTo("350481100");
        assertThatThrownBy(() -> township.narrow("350481101")).isInstanceOf(AreaScope.OutOfScopeException.class);
    }

    @Test
    void aTokenWithoutAValidAreaHasNoScope() {
        assertThatThrownBy(() -> AreaScope.of(null)).isInstanceOf(AreaScope.MissingAreaException.class);
        assertThatThrownBy(() -> AreaScope.of("3504")).isInstanceOf(AreaScope.MissingAreaException.class);
        assertThatThrownBy(() -> AreaScope.of("35048110020'")).isInstanceOf(AreaScope.MissingAreaException.class);
    }
}
