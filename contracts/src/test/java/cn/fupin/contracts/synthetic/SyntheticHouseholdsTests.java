package cn.fupin.contracts.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
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

    /**
     * Days whose numbers are all given are passed at once, not tried number by number: the ID numbers drawn are the
     * ones the generator drew before that change (their digest then, over 100,000 households, whose later days fill).
     */
    @Test
    void passingFullDaysAtOnceDrawsTheSameIdNumbers() throws Exception {
        SyntheticHouseholds generator = new SyntheticHouseholds(7);
        List<String> villages = List.of("350481100201", "350481101201", "350481102202");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 100_000; i++) {
            for (MemberInput member : generator.next(villages.get(i % villages.size())).getMembers()) {
                digest.update((member.getIdNumber() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }

        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("039fe50035bc4a4c72aed2fc979225c4071bc88f60fd65ab71d19483f0653d26");
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

    /**
     * People born across a city's counties: their ID numbers name those counties in turn, and otherwise the households
     * are the ones the seed gives (the same names, relations and birth dates, while no day is full).
     */
    @Test
    void peopleBornAcrossCountiesHoldTheirCountiesNumbersInTurn() {
        List<String> birthplaces = List.of("350403", "350404", "350481");
        SyntheticHouseholds acrossCounties = new SyntheticHouseholds(7, birthplaces);
        SyntheticHouseholds oneCounty = new SyntheticHouseholds(7);

        int person = 0;
        for (int i = 0; i < 50; i++) {
            List<MemberInput> members = acrossCounties.next("350481100201").getMembers();
            List<MemberInput> same = oneCounty.next("350481100201").getMembers();
            assertThat(members).extracting(MemberInput::getName, MemberInput::getRelation, MemberInput::getBirthDate)
                    .isEqualTo(same.stream().map(m -> tuple(m.getName(),
                            m.getRelation(), m.getBirthDate())).toList());
            for (MemberInput member : members) {
                assertThat(member.getIdNumber()).startsWith(birthplaces.get(person++ % birthplaces.size()));
            }
        }
    }
}
