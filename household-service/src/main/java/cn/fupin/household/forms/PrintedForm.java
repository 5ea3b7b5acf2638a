package cn.fupin.household.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * A paper form as written top to bottom, before it is an Excel sheet ({@link FormSheet}) or a PDF ({@link FormPdf}):
 * its title, lines of text across the form, bordered tables (a header row and its rows) and the lines where it is
 * signed, each as the work plan's annex lays it out.
 */
public final class PrintedForm {

    /** One part of the form, in order. */
    sealed interface Block {
    }

    record Title(String text) implements Block {
    }

    record Section(String text) implements Block {
    }

    record Text(String text) implements Block {
    }

    record Header(List<String> cells) implements Block {
    }

    record Row(List<String> cells) implements Block {
    }

    record Skip() implements Block {
    }

    /** Where the form is signed: each label, the value already known (the clerk's name) or a line to write on. */
    record Signatures(List<Signature> places) implements Block {
    }

    record Signature(String label, String value) {
    }

    private final String name;
    private final int columns;
    private final List<Block> blocks = new ArrayList<>();
    private int[] widths = new int[0];

    /**
     * @param name the sheet's name
     * @param columns how many columns its widest table has
     */
    PrintedForm(String name, int columns) {
        this.name = name;
        this.columns = columns;
    }

    String name() {
        return name;
    }

    int columns() {
        return columns;
    }

    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Column widths in characters, the first column first. */
    int[] widths() {
        return widths.clone();
    }

    void title(String text) {
        blocks.add(new Title(text));
    }

    void section(String text) {
        blocks.add(new Section(text));
    }

    void text(String text) {
        blocks.add(new Text(text));
    }

    void header(List<String> cells) {
        blocks.add(new Header(List.copyOf(cells)));
    }

    void row(List<String> cells) {
        blocks.add(new Row(List.copyOf(cells)));
    }

    void skip() {
        blocks.add(new Skip());
    }

    /** The footer the paper form has: 填表人、联系电话、户主签名、填表日期. */
    void signatures(String clerk, String signer) {
        blocks.add(new Signatures(List.of(new Signature("填表人", clerk), new Signature("联系电话", null),
                new Signature(signer, null), new Signature("填表日期", "      年    月    日"))));
    }

    void widths(int... widths) {
        this.widths = widths.clone();
    }

    /** As an Excel workbook. */
    public byte[] xlsx() {
        return FormSheet.write(this);
    }

    /** As a PDF, A4 landscape, in the reports' Chinese font. */
    public byte[] pdf() {
        return FormPdf.write(this);
    }
}
