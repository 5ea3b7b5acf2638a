package cn.fupin.household.imports.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * CSV as counties save it: UTF-8 (with or without a byte-order mark) or GBK (GB 18030, which Excel writes on a
 * Chinese Windows), told apart by whether the first 64 KiB are valid UTF-8. Streamed record by record; a row's
 * number is its record's, as a spreadsheet opening the file shows it.
 */
final class CsvTables {

    /** GB 18030 decodes every GBK file and more. */
    static final Charset GBK = Charset.forName("GB18030");

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
    private static final int SNIFF = 64 * 1024;

    private CsvTables() {
    }

    static void read(Path file, TableRows rows) throws IOException, UnreadableTableException {
        Charset charset = charsetOf(file);
        try (InputStream in = Files.newInputStream(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
            }
            try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(reader)) {
                int number = 0;
                while (lines.hasNextValue()) {
                    String[] line = lines.nextValue();
                    number++;
                    if (Arrays.stream(line).anyMatch(cell -> !cell.isBlank())) {
                        rows.row(number, List.of(line));
                    }
                }
            }
            catch (JacksonException ex) {
                throw new UnreadableTableException("不是有效的 CSV 文件：" + ex.getOriginalMessage(), ex);
            }
        }
    }

    /** The file's lines (a record with a line break inside a quoted cell counts twice: an estimate). */
    static int lines(Path file) throws IOException {
        int lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    static Charset charsetOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // the last character may be cut by the sniff's end: only malformed input counts, not an unfinished one
        boolean valid = !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
        return valid ? StandardCharsets.UTF_8 : GBK;
    }
}
