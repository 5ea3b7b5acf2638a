package cn.fupin.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A printed form as a PDF to print and sign: A4 landscape, the reports' Chinese font embedded (ADR 0006), the title
 * centred, tables with their header repeated on every page they run onto, and the signature lines of the paper form
 * drawn as lines to write on; pages numbered.
 */
public final class FormPdf {

    private static final CjkFonts FONTS = new CjkFonts();
    private static final float TEXT = 10;
    private static final float LEADING = 16;

    private FormPdf() {
    }

    public static byte[] write(PrintedForm form) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle(form.name());
            Face regular = FONTS.regular(pdf);
            Face bold = FONTS.bold(pdf);
            PdfTable tables = new PdfTable(regular, bold);
            try (PdfCanvas canvas = PdfCanvas.landscape(pdf)) {
                List<String> header = null;
                List<List<Object>> rows = new ArrayList<>();
                for (PrintedForm.Block block : form.blocks()) {
                    if (block instanceof PrintedForm.Row row) {
                        rows.add(List.copyOf(row.cells()));
                        continue;
                    }
                    if (header != null) {
                        tables.draw(canvas, null, header, rows);
                        header = null;
                        rows = new ArrayList<>();
                    }
                    switch (block) {
                        case PrintedForm.Header next -> header = next.cells();
                        case PrintedForm.Title title -> title(canvas, bold, title.text());
                        case PrintedForm.Section section -> line(canvas, bold, section.text(), 11);
                        case PrintedForm.Text text -> line(canvas, regular, text.text(), TEXT);
                        case PrintedForm.Skip skip -> canvas.down(6);
                        case PrintedForm.Signatures signatures -> signatures(canvas, regular, signatures);
                        case PrintedForm.Row row -> throw new IllegalStateException("a row outside a table");
                    }
                }
                if (header != null) {
                    tables.draw(canvas, null, header, rows);
                }
            }
            PdfCanvas.numberPages(pdf, regular);
            pdf.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void title(PdfCanvas canvas, Face bold, String text) {
        float size = 16;
        for (String line : bold.wrap(text, size, canvas.width(), 0)) {
            canvas.ensure(size * 1.8f);
            canvas.text(line, bold, size, canvas.left() + (canvas.width() - bold.width(line, size)) / 2,
                    canvas.y() - size);
            canvas.down(size * 1.8f);
        }
    }

    private static void line(PdfCanvas canvas, Face face, String text, float size) {
        for (String line : face.wrap(text, size, canvas.width(), 0)) {
            canvas.ensure(LEADING);
            canvas.text(line, face, size, canvas.left(), canvas.y() - size);
            canvas.down(LEADING);
        }
    }

    /** The places to sign side by side, each its label and a line to write on (the known value printed on it). */
    private static void signatures(PdfCanvas canvas, Face regular, PrintedForm.Signatures signatures) {
        canvas.ensure(3 * LEADING);
        canvas.down(LEADING);
        float part = canvas.width() / signatures.places().size();
        float baseline = canvas.y() - TEXT;
        float x = canvas.left();
        for (PrintedForm.Signature place : signatures.places()) {
            String label = regular.printable(place.label() + "：");
            canvas.text(label, regular, TEXT, x, baseline);
            float from = x + regular.width(label, TEXT) + 2;
            float to = x + part - 12;
            if (place.value() != null && !place.value().isBlank()) {
                canvas.text(regular.printable(place.value()), regular, TEXT, from + 4, baseline);
            }
            canvas.line(from, to, baseline - 3);
            x += part;
        }
        canvas.down(2 * LEADING);
    }
}
