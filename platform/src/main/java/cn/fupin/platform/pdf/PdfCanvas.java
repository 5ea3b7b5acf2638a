package cn.fupin.platform.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A4 pages written top to bottom: a cursor {@link #y()} that moves down, and a new page when what comes next does
 * not fit above the bottom margin. Margins are those of official documents (about 2.5 cm top and bottom, 2 cm on
 * the sides); a landscape page (a form's wide tables) keeps 2 cm all round.
 */
public final class PdfCanvas implements AutoCloseable {

    private final PDDocument document;
    private final PDRectangle size;
    private final float left;
    private final float right;
    private final float top;
    private final float bottom;
    private PDPageContentStream content;
    private float y;

    /** Portrait A4, as reports are written. */
    public PdfCanvas(PDDocument document) {
        this(document, PDRectangle.A4, 57, 70);
    }

    /** Landscape A4, as the forms with their wide tables are printed. */
    public static PdfCanvas landscape(PDDocument document) {
        return new PdfCanvas(document, new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), 57,
                57);
    }

    private PdfCanvas(PDDocument document, PDRectangle size, float side, float vertical) {
        this.document = document;
        this.size = size;
        this.left = side;
        this.right = size.getWidth() - side;
        this.top = size.getHeight() - vertical;
        this.bottom = vertical;
        newPage();
    }

    public float left() {
        return left;
    }

    public float width() {
        return right - left;
    }

    /** The height between the margins. */
    public float height() {
        return top - bottom;
    }

    public float y() {
        return y;
    }

    public void down(float distance) {
        y -= distance;
    }

    /** Starts a new page unless {@code height} still fits on this one; tells whether it did. */
    public boolean ensure(float height) {
        if (y - height >= bottom) {
            return false;
        }
        newPage();
        return true;
    }

    public void text(String printable, Face face, float size, float x, float baseline) {
        try {
            content.beginText();
            content.setFont(face.font(), size);
            content.newLineAtOffset(x, baseline);
            content.showText(printable);
            content.endText();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A line, e.g. where a form is signed. */
    public void line(float fromX, float toX, float atY) {
        try {
            content.setLineWidth(0.5f);
            content.moveTo(fromX, atY);
            content.lineTo(toX, atY);
            content.stroke();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A cell: its frame, filled light grey for a header. */
    public void cell(float x, float top, float width, float height, boolean shaded) {
        try {
            content.setLineWidth(0.5f);
            content.addRect(x, top - height, width, height);
            if (shaded) {
                content.setNonStrokingColor(0.9f);
                content.fillAndStroke();
                content.setNonStrokingColor(0f);
            }
            else {
                content.stroke();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** 第 n 页 共 m 页 at the foot of every page of the document, centred; once its pages are all written. */
    public static void numberPages(PDDocument pdf, Face face) {
        int pages = pdf.getNumberOfPages();
        int number = 1;
        for (PDPage page : pdf.getPages()) {
            String text = "第 " + number++ + " 页 共 " + pages + " 页";
            try (PDPageContentStream footer = new PDPageContentStream(pdf, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(face.font(), 9);
                footer.newLineAtOffset((page.getMediaBox().getWidth() - face.width(text, 9)) / 2, 40);
                footer.showText(text);
                footer.endText();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private void newPage() {
        try {
            close();
            PDPage page = new PDPage(size);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = top;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
