package cn.fupin.household.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The kinds of file an import reads: CSV (UTF-8 or GBK) or an XLSX workbook. */
public enum TableFormat {
    CSV, XLSX;

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };

    /** What the file is, by its first bytes (an XLSX workbook is a ZIP archive), not by what it was called. */
    public static TableFormat of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP) ? XLSX : CSV;
        }
    }

    /** Reads the file's rows (an XLSX workbook: its first sheet). */
    public void read(Path file, TableRows rows) throws IOException, UnreadableTableException {
        switch (this) {
            case CSV -> CsvTables.read(file, rows);
            case XLSX -> XlsxTables.read(file, rows);
        }
    }

    /**
     * About how many rows the file has, for progress, without reading it through: a CSV file's lines, a sheet's
     * stated dimension; null when the workbook does not state it.
     */
    public Integer estimateRows(Path file) throws IOException {
        return switch (this) {
            case CSV -> CsvTables.lines(file);
            case XLSX -> XlsxTables.dimensionRows(file);
        };
    }
}
