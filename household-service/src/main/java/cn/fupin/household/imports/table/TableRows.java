package cn.fupin.household.imports.table;

import java.util.List;

/** Receives a table's rows in order, one at a time: the file is never held whole. */
@FunctionalInterface
public interface TableRows {

    /**
     * @param number the row's number as a spreadsheet shows it (1 = the first line of the file)
     * @param cells the cells' text, blank cells as empty strings; a blank row is not passed on
     */
    void row(int number, List<String> cells);

    /** The sheet the rows that follow are on (a CSV file has none). */
    default void sheet(String name) {
    }
}
