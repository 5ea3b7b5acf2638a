package cn.fupin.household.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming (SAX) API: rows are passed on as the sheet's XML
 * is parsed, so memory stays flat however large the file. Dates come out as {@code yyyy-MM-dd} whatever their
 * display format, whole numbers without exponent or decimals (a 户编号 typed as a number stays whole).
 */
final class XlsxTables {

    private XlsxTables() {
    }

    static void read(Path file, TableRows rows) throws IOException, UnreadableTableException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableTableException("工作簿中没有工作表", null);
            }
            try (InputStream sheet = sheets.next()) {
                String name = sheets.getSheetName();
                rows.sheet(name);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(rows),
                        new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        }
        catch (ReaderFailed failed) {
            throw failed.getCause();
        }
        catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
            if (ex.getCause() instanceof ReaderFailed failed) {
                throw failed.getCause();
            }
            throw new UnreadableTableException("不是可读取的 XLSX 工作簿（文件损坏，或不是 Excel 2007 及以后的 .xlsx 格式）", ex);
        }
    }

    /** What the reader of the rows refused, carried out of POI's parser untouched. */
    private static final class ReaderFailed extends RuntimeException {

        ReaderFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** The last row of the first sheet's stated dimension ({@code <dimension ref="A1:AZ3001"/>}); null without. */
    static Integer dimensionRows(Path file) throws IOException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook).getSheetsData();
            if (!sheets.hasNext()) {
                return null;
            }
            try (InputStream sheet = sheets.next()) {
                String head = new String(sheet.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                Matcher dimension = DIMENSION.matcher(head);
                return dimension.find() ? Integer.valueOf(dimension.group(1)) : null;
            }
        }
        catch (OpenXML4JException | RuntimeException ex) {
            return null;
        }
    }

    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"");

    /** Collects a row's cells by column (cells the sheet leaves out are blank) and passes non-blank rows on. */
    private static final class Rows implements SheetContentsHandler {

        private final TableRows rows;
        private final List<String> cells = new ArrayList<>();

        Rows(TableRows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int row) {
            cells.clear();
        }

        @Override
        public void endRow(int row) {
            if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                try {
                    rows.row(row + 1, List.copyOf(cells));
                }
                catch (RuntimeException refused) {
                    throw new ReaderFailed(refused);
                }
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Dates as ISO dates, whole numbers as written: what an import compares, not what a sheet displays. */
    private static final class PlainFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return BigDecimal.valueOf(value).toBigInteger().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
