package cn.fupin.platform.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A paper form as written top to bottom, before it is a PDF ({@link FormPdf}) or an Excel sheet (the service's own
 * writer): its title, lines of text across the form, bordered tables (a header row and its rows) and the lines where
 * it is signed, each as the work plan's annex lays it out. Shared by the services that print the five forms.
 */
public final class PrintedForm {

    /** One part of the form, in order. */
    public sealed interface Block {
    }

    public record Title(String text) implements Block {
    }

    public record Section(String text) implements Block {
    }

    public record Text(String text) implements Block {
    }

    public record Header(List<String> cells) implements Block {
    }

    public record Row(List<String> cells) implements Block {
    }

    public record Skip() implements Block {
    }

    /** Where the form is signed: each label, the value already known (the clerk's name) or a line to write on. */
    public record Signatures(List<Signature> places) implements Block {
    }

    public record Signature(String label, String value) {
    }

    private final String name;
    private final int columns;
    private final List<Block> blocks = new ArrayList<>();
    private int[] widths = new int[0];

    /**
     * @param name the sheet's name
     * @param columns how many columns its widest table has
     */
    public PrintedForm(String name, int columns) {
        this.name = name;
        this.columns = columns;
    }

    public String name() {
        return name;
    }

    public int columns() {
        return columns;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Column widths in characters, the first column first. */
    public int[] widths() {
        return widths.clone();
    }

    public void title(String text) {
        blocks.add(new Title(text));
    }

    public void section(String text) {
        blocks.add(new Section(text));
    }

    public void text(String text) {
        blocks.add(new Text(text));
    }

    public void header(List<String> cells) {
        blocks.add(new Header(List.copyOf(cells)));
    }

    public void row(List<String> cells) {
        blocks.add(new Row(List.copyOf(cells)));
    }

    public void skip() {
        blocks.add(new Skip());
    }

    /** The footer the paper form has: 填表人、联系电话、户主签名、填表日期. */
    public void signatures(String clerk, String signer) {
        blocks.add(new Signatures(List.of(new Signature("填表人", clerk), new Signature("联系电话", null),
                new Signature(signer, null), new Signature("填表日期", "      年    月    日"))));
    }

    public void widths(int... widths) {
        this.widths = widths.clone();
    }

    /** As a PDF, A4 landscape, in the reports' Chinese font. */
    public byte[] pdf() {
        return FormPdf.write(this);
    }
}
