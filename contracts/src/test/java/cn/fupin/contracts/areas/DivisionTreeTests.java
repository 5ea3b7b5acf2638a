package cn.fupin.contracts.areas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionTreeTests {

    DivisionTree tree = DivisionTree.ofCounty("350481");

    @Test
    void everyCodeExtendsItsParentsCode() {
        tree.all().forEach(division -> {
            if (division.parentCode() != null) {
                assertThat(division.code()).startsWith(division.parentCode());
            }
            int expectedLength = switch (division.level()) {
                case COUNTY -> 6;
                case TOWNSHIP -> 9;
                case VILLAGE -> 12;
            };
            assertThat(division.code()).hasSize(expectedLength);
        });
    }

    @Test
    void findsTownshipsAndVillages() {
        assertThat(tree.root().name()).isEqualTo("永安市");
        assertThat(tree.find("350481100")).get().extracting(DivisionTree.Division::name).isEqualTo("西洋镇");
        assertThat(tree.isVillage("350481100201")).isTrue();
        assertThat(tree.isVillage("350481100")).isFalse();
        assertThat(tree.isVillage("350481999999")).isFalse();
    }
}
