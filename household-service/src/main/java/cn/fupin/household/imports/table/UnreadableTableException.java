package cn.fupin.household.imports.table;

/** The file is not a table that can be read: not CSV, a damaged workbook, a sheet that is not there. */
public class UnreadableTableException extends Exception {

    public UnreadableTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
