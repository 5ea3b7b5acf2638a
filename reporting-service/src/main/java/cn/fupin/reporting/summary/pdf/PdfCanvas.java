package cn.fupin.reporting.summary.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A4 pages written top to bottom: a cursor {@link #y()} that moves down, and a new page when what comes next does
 * not fit above the bottom margin. Margins are those of official documents (about 2.5 cm top and bottom, 2 cm on
 * the sides).
 */
final class PdfCanvas implements AutoCloseable {

    static final float LEFT = 57;
    static final float RIGHT = PDRectangle.A4.getWidth() - 57;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PDRectangle.A4.getHeight() - 70;
    static final float BOTTOM = 70;

    private final PDDocument document;
    private PDPageContentStream content;
    private float y;

    PdfCanvas(PDDocument document) {
        this.document = document;
        newPage();
    }

    float y() {
        return y;
    }

    void down(float distance) {
        y -= distance;
    }

    /** Starts a new page unless {@code height} still fits on this one; tells whether it did. */
    boolean ensure(float height) {
        if (y - height >= BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    void text(String printable, Face face, float size, float x, float baseline) {
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

    /** A cell: its frame, filled light grey for a header. */
    void cell(float x, float top, float width, float height, boolean shaded) {
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

    private void newPage() {
        try {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
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
