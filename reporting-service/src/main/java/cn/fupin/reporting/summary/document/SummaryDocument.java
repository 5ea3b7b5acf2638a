package cn.fupin.reporting.summary.document;

import java.util.List;

import cn.fupin.reporting.export.Table;

/**
 * A township's written report as both renderers lay it out: the title, the facts under it (township, year, kind,
 * date), numbered sections of text and tables, and the signature lines the township fills in by hand. Table cells
 * are text or numbers; numbers stay numbers in the workbook.
 *
 * @param fileName the download's name without extension, e.g. {@code 罗坊乡2020年工作总结}
 */
public record SummaryDocument(String title, String fileName, List<String> facts, List<Section> sections,
        List<String> signature) {

    public SummaryDocument {
        facts = List.copyOf(facts);
        sections = List.copyOf(sections);
        signature = List.copyOf(signature);
    }

    /** One numbered part of the report ({@code 一、扶贫对象基本情况}). */
    public record Section(String heading, List<String> paragraphs, List<Table> tables) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
            tables = List.copyOf(tables);
        }
    }
}
