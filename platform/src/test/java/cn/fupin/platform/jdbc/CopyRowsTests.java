package cn.fupin.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CopyRowsTests {

    static final UUID ID = UUID.fromString("0192f0c4-7d3a-7b2e-9c1d-2e3f4a5b6c7d");

    @Test
    void valuesAreWrittenInCopysTextFormat() {
        CopyRows rows = new CopyRows();
        rows.add(ID).add("王\t小\\明\n").add(null).add(true).add(List.of("01", "a\"b")).add(LocalDate.of(2026, 12, 4))
                .add(new byte[] { 1, (byte) 0xab }).end();
        assertThat(rows).hasToString(ID + "\t王\\t小\\\\明\\n\t\\N\tt\t{\"01\",\"a\\\\\"b\"}\t2026-12-04\t\\\\x01ab\n");
    }

    @Test
    void rowsMadeApartAddUpToTheRowsMadeTogether() {
        CopyRows together = new CopyRows();
        CopyRows first = new CopyRows(16);
        CopyRows second = new CopyRows(16);
        for (CopyRows rows : List.of(together, first)) {
            rows.add(1).add("甲").end();
        }
        for (CopyRows rows : List.of(together, second)) {
            rows.add(2).add("乙").end();
            rows.add(3).add(null).end();
        }
        assertThat(new CopyRows().addRows(first).addRows(second)).hasToString(together.toString());
    }

    @Test
    void rowsAreNotAddedIntoARowStillOpen() {
        CopyRows done = new CopyRows();
        done.add(1).end();
        CopyRows open = new CopyRows().add(2);
        assertThatIllegalStateException().isThrownBy(() -> open.addRows(done));
    }
}
