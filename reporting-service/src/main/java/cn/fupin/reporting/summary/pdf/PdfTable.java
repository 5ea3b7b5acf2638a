package cn.fupin.reporting.summary.pdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.fupin.reporting.export.Table;

/**
 * A table across the text width: its caption, a shaded header row repeated on every page the table runs onto,
 * text left, numbers right; a short table is kept on one page. Columns get their natural width, stretched to the
 * text width or, when the table is wider, shrunk where text can wrap (numbers keep their width).
 */
final class PdfTable {

    private static final float PAD = 3;

    private final Face regular;
    private final Face bold;

    PdfTable(Face regular, Face bold) {
        this.regular = regular;
        this.bold = bold;
    }

    void draw(PdfCanvas canvas, Table table) {
        float size = table.columns().size() > 8 ? 8 : 9;
        float[] widths = widths(table, size);
        float whole = 16 + (table.rows().size() + 1) * (size * 1.4f + 2 * PAD);
        canvas.ensure(whole <= (PdfCanvas.TOP - PdfCanvas.BOTTOM) / 3 ? whole : size * 6);
        canvas.text(bold.printable(table.title()), bold, 10, PdfCanvas.LEFT, canvas.y() - 10);
        canvas.down(16);
        row(canvas, new ArrayList<>(table.columns()), widths, size, true);
        for (List<Object> cells : table.rows()) {
            if (row(canvas, cells, widths, size, false)) {
                row(canvas, new ArrayList<>(table.columns()), widths, size, true);
                row(canvas, cells, widths, size, false);
            }
        }
        canvas.down(10);
    }

    /** Draws one row, unless it must go to a new page first: then draws nothing and says so. */
    private boolean row(PdfCanvas canvas, List<Object> cells, float[] widths, float size, boolean header) {
        Face face = header ? bold : regular;
        float leading = size * 1.4f;
        List<List<String>> lines = new ArrayList<>();
        int most = 1;
        for (int c = 0; c < widths.length; c++) {
            lines.add(face.wrap(text(cells.get(c)), size, widths[c] - 2 * PAD, 0));
            most = Math.max(most, lines.get(c).size());
        }
        float height = most * leading + 2 * PAD;
        if (canvas.ensure(height) && !header) {
            return true;
        }
        float x = PdfCanvas.LEFT;
        for (int c = 0; c < widths.length; c++) {
            canvas.cell(x, canvas.y(), widths[c], height, header);
            float baseline = canvas.y() - PAD - size;
            for (String line : lines.get(c)) {
                float w = face.width(line, size);
                float left = header ? x + (widths[c] - w) / 2
                        : cells.get(c) instanceof Number ? x + widths[c] - PAD - w : x + PAD;
                canvas.text(line, face, size, left, baseline);
                baseline -= leading;
            }
            x += widths[c];
        }
        canvas.down(height);
        return false;
    }

    private float[] widths(Table table, float size) {
        int n = table.columns().size();
        float[] natural = new float[n];
        float[] least = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = bold.width(bold.printable(table.columns().get(c)), size) + 2 * PAD;
            least[c] = 2 * size + 2 * PAD;
            for (List<Object> row : table.rows()) {
                float w = regular.width(regular.printable(text(row.get(c))), size) + 2 * PAD;
                natural[c] = Math.max(natural[c], w);
                least[c] = row.get(c) instanceof Number ? Math.max(least[c], w) : least[c];
            }
        }
        float total = sum(natural);
        float[] widths = new float[n];
        float spare = PdfCanvas.WIDTH - sum(least);
        for (int c = 0; c < n; c++) {
            widths[c] = total <= PdfCanvas.WIDTH ? natural[c] * PdfCanvas.WIDTH / total
                    : least[c] + spare * (natural[c] - least[c]) / (total - sum(least));
        }
        return widths;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    private static String text(Object cell) {
        return cell == null ? "" : cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
    }
}
