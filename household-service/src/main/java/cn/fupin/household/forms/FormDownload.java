package cn.fupin.household.forms;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.fupin.platform.pdf.PrintedForm;

/** A form as the answer to download: an Excel workbook or a PDF under its Chinese file name. */
public final class FormDownload {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The two ways a form is handed out. */
    public enum Format {
        XLSX(FormDownload.XLSX, ".xlsx"), PDF(MediaType.APPLICATION_PDF, ".pdf");

        private final MediaType type;
        private final String extension;

        Format(MediaType type, String extension) {
            this.type = type;
            this.extension = extension;
        }
    }

    private FormDownload() {
    }

    /** @param name the file name without its extension */
    public static ResponseEntity<Resource> of(String name, byte[] workbook) {
        return of(name, workbook, Format.XLSX);
    }

    /** A printed form in the format asked for. */
    public static ResponseEntity<Resource> of(String name, PrintedForm form, Format format) {
        return of(name, format == Format.PDF ? form.pdf() : FormSheet.write(form), format);
    }

    private static ResponseEntity<Resource> of(String name, byte[] file, Format format) {
        return ResponseEntity.ok().contentType(format.type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + format.extension, StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(file));
    }
}
