package cn.fupin.contracts.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodebookTests {

    Codebook codebook = Codebook.forYear(2020);

    @Test
    void knowsTheCodesAndLabelsOfTheForms() {
        assertThat(codebook.list("A5_relation").label("01")).isEqualTo("户主");
        assertThat(codebook.list("A2_gender").contains("2")).isTrue();
        assertThat(codebook.list("A2_gender").contains("3")).isFalse();
        assertThat(codebook.list("A6_ethnicity").options()).hasSize(58).containsEntry("56", "基诺族");
        assertThat(codebook.list("A10_health").multi()).isTrue();
    }

    @Test
    void codesStayStringsWithTheirLeadingZeros() {
        assertThat(codebook.list("A3_id_type").options()).containsKeys("01", "03", "09");
    }

    @Test
    void carriesTheYearsParameters() {
        assertThat(codebook.parameter("2020", "poverty_line_yuan_per_person")).contains(4000);
        assertThat(codebook.parameter("2020", "publicity_days_min")).contains(7);
        assertThat(codebook.parameter("2026", "poverty_line_yuan_per_person")).as("later years: the work plan's")
                .isEmpty();
    }
}
