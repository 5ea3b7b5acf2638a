package cn.fupin.contracts.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisabilityCertificateTests {

    @Test
    void isAValidResidentIdFollowedByCategoryAndGrade() {
        DisabilityCertificate certificate = DisabilityCertificate.parse("11010519491231002x42").orElseThrow();

        assertThat(certificate.residentId().value()).isEqualTo("11010519491231002X");
        assertThat(certificate.category()).isEqualTo('4');
        assertThat(certificate.grade()).isEqualTo('2');
        assertThat(certificate.value()).isEqualTo("11010519491231002X42");
    }

    @Test
    void refusesABadIdCategoryGradeOrLength() {
        assertThat(DisabilityCertificate.parse("11010519491231002142")).as("check digit").isEmpty();
        assertThat(DisabilityCertificate.parse("11010519491231002X82")).as("category 8").isEmpty();
        assertThat(DisabilityCertificate.parse("11010519491231002X45")).as("grade 5").isEmpty();
        assertThat(DisabilityCertificate.parse("11010519491231002X4")).isEmpty();
        assertThat(DisabilityCertificate.parse(null)).isEmpty();
    }
}
