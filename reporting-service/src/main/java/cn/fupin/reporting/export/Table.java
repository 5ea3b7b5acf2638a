package cn.fupin.reporting.export;

import java.util.List;

/** One table of a report as exports write it: a title (the sheet's name), Chinese column names, rows. */
public record Table(String title, List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
