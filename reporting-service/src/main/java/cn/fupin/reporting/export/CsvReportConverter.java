package cn.fupin.reporting.export;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

import tools.jackson.dataformat.csv.CsvMapper;

/**
 * Writes a report as CSV ({@code text/csv}): UTF-8 with a byte-order mark (so spreadsheet programs read the
 * Chinese right), each table under its title row, tables apart by an empty line; written as it goes.
 */
public class CsvReportConverter extends ReportWriter {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final CsvMapper CSV = CsvMapper.builder().build();

    public CsvReportConverter() {
        super("csv", TEXT_CSV, new MediaType("text", "csv"));
    }

    @Override
    void write(Iterable<Table> tables, HttpOutputMessage output) throws java.io.IOException {
        OutputStream body = output.getBody();
        body.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        var lines = CSV.writer().with(CSV.schema().withoutHeader());
        boolean first = true;
        for (Table table : tables) {
            if (!first) {
                writer.write("\r\n");
            }
            first = false;
            writer.write(lines.writeValueAsString(List.of(table.title())));
            writer.write(lines.writeValueAsString(table.columns()));
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? "" : cell.toString()));
                writer.write(lines.writeValueAsString(cells));
            }
            writer.flush();
        }
        writer.flush();
    }
}
