package cn.fupin.monitoring.forms;

import java.util.List;

/**
 * 附件5 脱贫不稳定户信息采集表 as a village fills it in Excel: one household a row, found by its head's ID number, with
 * its risks of returning to poverty (A52; the first required). The blank template and the import read this layout.
 */
final class Form5 {

    static final String TITLE = "附件5  脱贫不稳定户信息采集表";
    static final String SHEET = "脱贫不稳定户";
    static final String NOTE = "每行一户：已脱贫的建档立卡户，按户主证件号码找到本村的户；返贫致贫风险 1 必填，至多 3 项，"
            + "从下拉列表选择或填代码。导入后按户提出监测对象识别，经村、乡、市评议审核后标注为监测对象。";

    /** One column: what it holds, its header (indicator first), the codebook list of its drop-down. */
    record Column(String field, String header, String indicator, String list, boolean required, int width) {

        String label() {
            return indicator == null ? header : header.substring(indicator.length()).strip();
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("headName", "户主姓名", null, null, false, 10),
            new Column("headIdNumber", "A4 户主证件号码", "A4", null, true, 21),
            new Column("risk1", "A52a 返贫致贫风险1", "A52a", "A52_risk", true, 16),
            new Column("risk2", "A52b 返贫致贫风险2", "A52b", "A52_risk", false, 16),
            new Column("risk3", "A52c 返贫致贫风险3", "A52c", "A52_risk", false, 16),
            new Column("appliedOn", "申请日期", null, null, false, 12),
            new Column("note", "备注", null, null, false, 24));

    /** The header's row (0-based), under the title and the village's line. */
    static final int HEADER_ROW = 2;

    private Form5() {
    }
}
