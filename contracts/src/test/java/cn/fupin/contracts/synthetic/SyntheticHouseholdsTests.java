package cn.fupin.contracts.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;

class SyntheticHouseholdsTests {

    @Test
    void theSameSeedGivesTheSameHouseholds() {
        assertThat(new SyntheticHouseholds(7).next("350481100201"))
                .isEqualTo(new SyntheticHouseholds(7).next("350481100201"));
    }

    @Test
    void aFormOneCandidateAlwaysHasWhatFormOneAsksFor() {
        SyntheticHouseholds generator = new SyntheticHouseholds(3);
        for (int i = 0; i < 200; i++) {
            RegisterHouseholdRequest candidate = generator.next("350481100201", HouseholdCategory.REGISTERED);
            assertThat(candidate.getCategory()).isEqualTo(HouseholdCategory.REGISTERED);
            assertThat(candidate.getCauses()).isNotEmpty();
            assertThat(candidate.getIdentificationStandard()).isNotNull();
        }
        assertThat(generator.next("350481100201", HouseholdCategory.MARGINAL).getCauses()).isEmpty();
    }

    @Test
    void householdsHaveOneHeadAndValidUniqueIdsThatAgreeWithGenderAndBirthDate() {
        SyntheticHouseholds generator = new SyntheticHouseholds(42);
        List<RegisterHouseholdRequest> households = IntStream.range(0, 2000)
                .mapToObj(i -> generator.next("350481100201")).toList();

        Set<String> ids = new HashSet<>();
        for (RegisterHouseholdRequest household : households) {
            assertThat(household.getMembers()).filteredOn(m -> m.getRelation().equals("01")).hasSize(1);
            for (MemberInput member : household.getMembers()) {
                ResidentId id = ResidentId.parse(member.getIdNumber()).orElseThrow();
                assertThat(id.genderCode()).isEqualTo(member.getGender());
                assertThat(id.birthDate()).isEqualTo(member.getBirthDate());
                assertThat(ids.add(id.value())).isTrue();
            }
        }
    }
}
