package cn.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** The door every request body passes: what binds, what fails and at which field. */
class StrictRequestBodiesTests {

    static final JsonMapper STRICT = StrictRequestBodies.strict(JsonMapper.builder(),
            ContractNulls.fromContract("openapi/strict-bodies-test.yaml")).build();

    /** Named as its schema, as the generated request classes are. */
    static class Thing {
        public String name;
        public Integer count;
        public BigDecimal amount;
        public List<String> tags = new ArrayList<>();
        public String note;
    }

    static Thing read(String json) {
        return STRICT.readValue(json, Thing.class);
    }

    static String failingField(String json) {
        try {
            read(json);
        }
        catch (DatabindException ex) {
            return UnreadableFields.path(ex) + ": " + UnreadableFields.message(ex);
        }
        throw new AssertionError("bound: " + json);
    }

    @Test
    void aGoodBodyBindsWithMoneyAsNumberOrDecimalString() {
        assertThat(read("{\"name\":\"张\",\"amount\":\"12000.50\",\"tags\":[\"a\"]}").amount)
                .isEqualByComparingTo("12000.50");
        assertThat(read("{\"name\":\"张\",\"amount\":12000.5}").amount).isEqualByComparingTo("12000.5");
    }

    @Test
    void nullsAreReadAsTheContractMeansThem() {
        assertThatThrownBy(() -> read("{\"name\":null}")).isInstanceOf(InvalidNullException.class);
        assertThat(failingField("{\"name\":null}")).isEqualTo("name: 不能为 null");
        assertThat(read("{\"name\":\"张\",\"tags\":null}").tags).as("an optional list sent as null is empty")
                .isEmpty();
        assertThat(read("{\"name\":\"张\",\"note\":null}").note).isNull();
        assertThat(failingField("{\"name\":\"张\",\"tags\":[\"a\",null]}")).isEqualTo("tags[1]: 不能为 null");
    }

    @Test
    void unknownFieldsWrongTypesAndFractionsAreNamed() {
        assertThatThrownBy(() -> read("{\"name\":\"张\",\"zz\":1}")).isInstanceOf(UnrecognizedPropertyException.class);
        assertThat(failingField("{\"name\":\"张\",\"zz\":1}")).isEqualTo("zz: 接口契约中没有该字段");
        assertThatThrownBy(() -> read("{\"name\":5}")).isInstanceOf(MismatchedInputException.class);
        assertThat(failingField("{\"name\":\"张\",\"count\":1.5}")).startsWith("count: ");
        assertThat(failingField("{\"name\":\"张\",\"count\":\"7\"}")).startsWith("count: ");
        assertThat(failingField("{\"name\":\"张\",\"amount\":\"七\"}")).startsWith("amount: ");
        assertThat(failingField("{\"name\":\"张\",\"tags\":\"a\"}")).startsWith("tags: ");
    }

    @Test
    void theSameKeyTwiceIsRefused() {
        assertThatThrownBy(() -> read("{\"name\":\"张\",\"name\":\"李\"}"))
                .isInstanceOf(tools.jackson.core.JacksonException.class).hasMessageContaining("name");
    }
}
