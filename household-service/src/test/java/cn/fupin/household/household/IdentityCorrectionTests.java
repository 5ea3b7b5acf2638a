package cn.fupin.household.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.household.privacy.IdNumber;

class IdentityCorrectionTests {

    static final Member SPOUSE = new Member(UUID.randomUUID(), "李秀英", "2", "01", new IdNumber("35048119770615002X"), "02", "01",
            LocalDate.of(1977, 6, 15), new MemberIndicators("13", "03", null, List.of("01"), "01", null, null, null,
                    true, true, true, true, false, false, false), null, true, null, null, null, null);

    @Test
    void whatIsNotGivenStaysAsItIs() {
        NewMember corrected = new IdentityCorrection("李秀莹", null, null, null, null, null, "核对户口簿").appliedTo(SPOUSE);

        assertThat(corrected).isEqualTo(new NewMember("李秀莹", "2", "01", "35048119770615002X", "02", "01",
                LocalDate.of(1977, 6, 15), SPOUSE.indicators()));
    }

    @Test
    void everyIdentityFieldCanBeCorrected() {
        NewMember corrected = new IdentityCorrection("李秀莹", "1", "09", "35048119770615002X42", "05",
                LocalDate.of(1977, 6, 16), "核对户口簿").appliedTo(SPOUSE);

        assertThat(corrected).isEqualTo(new NewMember("李秀莹", "1", "09", "35048119770615002X42", "05", "01",
                LocalDate.of(1977, 6, 16), SPOUSE.indicators()));
    }
}
