package cn.fupin.platform.pdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;


/**
 * A table across the text width: its caption, a shaded header row repeated on every page the table runs onto,
 * text left, numbers right; a short table is kept on one page. Columns get their natural width, stretched to the
 * text width or, when the table is wider, shrunk where text can wrap (numbers, codes, ID numbers and short texts
 * such as names keep their width).
 */
public final class PdfTable {

    private static final float PAD = 3;

    private final Face regular;
    private final Face bold;

    public PdfTable(Face regular, Face bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** A table under its caption (none when blank); cells are text, or numbers set right. */
    public void draw(PdfCanvas canvas, String title, List<String> columns, List<List<Object>> rows) {
        float size = columns.size() > 8 ? 8 : 9;
        float[] widths = widths(canvas, columns, rows, size);
        float whole = 16 + (rows.size() + 1) * (size * 1.4f + 2 * PAD);
        canvas.ensure(whole <= canvas.height() / 3 ? whole : size * 6);
        if (title != null && !title.isBlank()) {
            canvas.text(bold.printable(title), bold, 10, canvas.left(), canvas.y() - 10);
            canvas.down(16);
        }
        row(canvas, new ArrayList<>(columns), widths, size, true);
        for (List<Object> cells : rows) {
            if (row(canvas, cells, widths, size, false)) {
                row(canvas, new ArrayList<>(columns), widths, size, true);
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
        float x = canvas.left();
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

    private float[] widths(PdfCanvas canvas, List<String> columns, List<List<Object>> rows, float size) {
        int n = columns.size();
        float[] natural = new float[n];
        float[] least = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = bold.width(bold.printable(columns.get(c)), size) + 2 * PAD;
            least[c] = 2 * size + 2 * PAD;
            for (List<Object> row : rows) {
                float w = regular.width(regular.printable(text(row.get(c))), size) + 2 * PAD;
                natural[c] = Math.max(natural[c], w);
                least[c] = unbreakable(row.get(c)) ? Math.max(least[c], w) : least[c];
            }
        }
        float total = sum(natural);
        float[] widths = new float[n];
        float spare = canvas.width() - sum(least);
        for (int c = 0; c < n; c++) {
            widths[c] = total <= canvas.width() ? natural[c] * canvas.width() / total
                    : least[c] + spare * (natural[c] - least[c]) / (total - sum(least));
        }
        return widths;
    }

    /**
     * A cell that keeps its width when a wide table is shrunk: a number, a code or ID number (digits and Latin
     * letters, nothing to break at), or a short text such as a name (up to four characters).
     */
    private static boolean unbreakable(Object cell) {
        if (cell instanceof Number) {
            return true;
        }
        String text = text(cell);
        return text.codePointCount(0, text.length()) <= 4 || text.chars().allMatch(c -> c < 128 && c != ' ');
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
