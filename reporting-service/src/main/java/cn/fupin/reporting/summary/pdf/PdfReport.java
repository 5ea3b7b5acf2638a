package cn.fupin.reporting.summary.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

import cn.fupin.reporting.summary.document.SummaryDocument;
import cn.fupin.reporting.export.Table;
import cn.fupin.reporting.summary.document.SummaryDocument.Section;
import cn.fupin.platform.pdf.CjkFonts;
import cn.fupin.platform.pdf.Face;
import cn.fupin.platform.pdf.PdfCanvas;
import cn.fupin.platform.pdf.PdfTable;

/**
 * Lays a report out as an A4 PDF for printing and signature: the title centred, the facts under it, each section's
 * heading, paragraphs (first line indented two characters, as Chinese documents are) and tables, the signature
 * lines, and "第 n 页 共 m 页" at the foot of every page. The Chinese font is embedded as a subset of the
 * characters used, so every viewer shows the same text and the file stays small.
 */
@Component
public class PdfReport {

    private static final float BODY = 11;
    private static final float LEADING = BODY * 1.7f;

    private final CjkFonts fonts;

    public PdfReport() {
        this.fonts = new CjkFonts();
    }

    public byte[] render(SummaryDocument report) {
        try (PDDocument pdf = new PDDocument()) {
            Face regular = fonts.regular(pdf);
            Face bold = fonts.bold(pdf);
            describe(pdf, report);
            try (PdfCanvas canvas = new PdfCanvas(pdf)) {
                title(canvas, report, bold);
                report.facts().forEach(fact -> paragraph(canvas, fact, regular, 0));
                canvas.down(6);
                PdfTable tables = new PdfTable(regular, bold);
                for (Section section : report.sections()) {
                    heading(canvas, section.heading(), bold);
                    section.paragraphs().forEach(text -> paragraph(canvas, text, regular, 2 * BODY));
                    for (Table table : section.tables()) {
                        tables.draw(canvas, table.title(), table.columns(), table.rows());
                    }
                }
                canvas.ensure(report.signature().size() * 28 + 20);
                canvas.down(20);
                report.signature().forEach(line -> paragraph(canvas, line, regular, 0.5f * canvas.width()));
            }
            PdfCanvas.numberPages(pdf, regular);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void describe(PDDocument pdf, SummaryDocument report) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(report.title());
        info.setCreator("扶贫对象动态管理和信息采集系统");
        info.setCreationDate(Calendar.getInstance());
        pdf.getDocumentCatalog().setLanguage("zh-CN");
    }

    /** The title centred, in lines of even length when it needs more than one. */
    private static void title(PdfCanvas canvas, SummaryDocument report, Face bold) {
        float size = 18;
        int lines = bold.wrap(report.title(), size, canvas.width(), 0).size();
        float width = Math.min(canvas.width(), bold.width(bold.printable(report.title()), size) / lines + 2 * size);
        for (String line : bold.wrap(report.title(), size, width, 0)) {
            canvas.text(line, bold, size, canvas.left() + (canvas.width() - bold.width(line, size)) / 2,
                    canvas.y() - size);
            canvas.down(size * 1.6f);
        }
        canvas.down(10);
    }

    private static void heading(PdfCanvas canvas, String heading, Face bold) {
        if (heading.isEmpty()) {
            return;
        }
        canvas.ensure(60);
        canvas.down(8);
        canvas.text(bold.printable(heading), bold, 13, canvas.left(), canvas.y() - 13);
        canvas.down(24);
    }

    /** A paragraph whose first line starts {@code indent} points to the right. */
    private static void paragraph(PdfCanvas canvas, String text, Face regular, float indent) {
        boolean first = true;
        for (String line : regular.wrap(text, BODY, canvas.width(), indent)) {
            canvas.ensure(LEADING);
            canvas.text(line, regular, BODY, canvas.left() + (first ? indent : 0), canvas.y() - BODY);
            canvas.down(LEADING);
            first = false;
        }
        canvas.down(4);
    }
}
