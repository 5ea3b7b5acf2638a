package cn.fupin.reporting.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes any report ({@link ReportTables}) in one file format, as an attachment named after the report; reports
 * are never read back.
 */
abstract class ReportWriter extends AbstractHttpMessageConverter<Object> {

    private final String extension;

    ReportWriter(String extension, MediaType... types) {
        super(types);
        this.extension = extension;
    }

    /** Writes the report's tables to the body. */
    abstract void write(Iterable<Table> tables, HttpOutputMessage output) throws IOException;

    @Override
    protected boolean supports(Class<?> type) {
        return ReportTables.supports(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("reports are written, never read", input);
    }

    @Override
    protected void writeInternal(Object report, HttpOutputMessage output) throws IOException {
        output.getHeaders().setContentDisposition(ContentDisposition.attachment()
                .filename(ReportTables.fileName(report) + "." + extension, StandardCharsets.UTF_8).build());
        write(ReportTables.of(report), output);
    }
}
