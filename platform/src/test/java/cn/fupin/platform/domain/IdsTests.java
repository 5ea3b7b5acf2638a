package cn.fupin.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    /** PostgreSQL orders uuids by their bytes, as their text sorts: ids of later milliseconds come after. */
    @Test
    void idsAreVersionSevenAndSortByTheMillisecondTheyWereMadeIn() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = Ids.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            made.add(id.toString());
            Thread.sleep(2);
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }
}
