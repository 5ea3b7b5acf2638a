package cn.fupin.household.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberIndicators;

/**
 * 信息采集表 as the work plan's annexes lay them out (附件1 for a registered household, 附件4 for a marginal one),
 * filled with what is registered, codes shown by their names, and the footer the household head signs:
 * 填表人、联系电话、户主签名、填表日期. One sheet, A4 landscape, fit to one page wide.
 */
@Component
public class HouseholdForm {

    static final List<String> MEMBER_COLUMNS = List.of("序号", "A1 姓名", "A2 性别", "A3 证件类型", "A4 证件号码",
            "A5 与户主关系", "A6 民族", "A7 政治面貌", "A8 文化程度", "A9 在校生状况", "A10 健康状况", "A11 劳动技能",
            "A12 务工区域", "A13 务工时间（月）", "A14 失学或辍学原因", "A15 会讲普通话", "A16 城乡居民基本养老保险",
            "A17 城乡居民基本医疗保险", "A18 大病保险", "A19 农村低保", "A20 商业补充医疗保险", "A51 医疗救助");
    static final List<String> HELPER_COLUMNS = List.of("姓名", "性别", "政治面貌", "帮扶单位", "联系电话", "帮扶开始时间",
            "帮扶结束时间");

    private final Codebook codebook;
    private final DivisionTree divisions;

    HouseholdForm(Codebook codebook, DivisionTree divisions) {
        this.codebook = codebook;
        this.divisions = divisions;
    }

    /** The title of the household's form: 附件1 or 附件4. */
    public static String title(Household household) {
        return household.getCategory() == Category.MARGINAL ? "边缘易致贫户信息采集表" : "新识别贫困户信息采集表";
    }

    /** The filled-in form as an Excel workbook. */
    public byte[] of(Household household, String clerk) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("信息采集表");
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            int last = MEMBER_COLUMNS.size() - 1;
            Lines lines = new Lines(sheet, last);

            lines.merged((household.getCategory() == Category.MARGINAL ? "附件4  " : "附件1  ") + title(household),
                    styles.title);
            lines.skip();
            lines.merged("一、基础信息", styles.section);
            lines.merged("家庭住址：" + address(household), styles.text);
            lines.merged("联系电话：" + blank(household.getPhone()) + "    开户银行（选填）：" + blank(household.getBankName())
                    + "    银行账号（选填）：" + blank(household.getBankAccount()), styles.text);
            lines.merged("A23 识别标准：" + label("A23_identification_standard", household.getIdentificationStandard())
                    + "    A25 军烈属：" + yesNo(household.getMilitaryFamily()), styles.text);
            lines.skip();
            lines.merged("二、家庭成员信息", styles.section);
            lines.row(MEMBER_COLUMNS, styles.header);
            List<Member> members = household.getMembers().stream().filter(Member::active)
                    .sorted(Comparator.comparing((Member m) -> !m.isHead())).toList();
            for (int i = 0; i < members.size(); i++) {
                lines.row(member(i + 1, members.get(i)), styles.cell);
            }
            lines.skip();
            lines.merged("三、主要致贫原因（A27）：" + household.getCauses().stream()
                    .map(code -> label("A27_poverty_cause", code)).collect(Collectors.joining("、")), styles.text);
            lines.skip();
            lines.merged("四、帮扶责任人", styles.section);
            lines.row(HELPER_COLUMNS, styles.header);
            for (Helper helper : household.getHelpers()) {
                lines.row(List.of(helper.name(), label("A2_gender", helper.gender()),
                        label("A7_political_status", helper.politicalStatus()), blank(helper.unit()),
                        blank(helper.phone() == null ? null : helper.phone().value()), String.valueOf(helper.startDate()),
                        helper.endDate() == null ? "" : helper.endDate().toString()), styles.cell);
            }
            lines.skip();
            lines.skip();
            lines.merged("填表人：" + blank(clerk) + "            联系电话：                    户主签名：                    "
                    + "填表日期：      年    月    日", styles.text);

            sheet.setColumnWidth(0, 6 * 256);
            for (int column = 1; column <= last; column++) {
                sheet.setColumnWidth(column, (column == 4 ? 22 : 11) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private List<String> member(int number, Member member) {
        MemberIndicators m = member.indicators();
        return List.of(String.valueOf(number), member.name(), label("A2_gender", member.gender()),
                label("A3_id_type", member.idType()), member.idNumber().value(), label("A5_relation", member.relation()),
                label("A6_ethnicity", member.ethnicity()), label("A7_political_status", m.politicalStatus()),
                label("A8_education", m.education()), label("A9_student_status", m.studentStatus()),
                m.health().stream().map(code -> label("A10_health", code)).collect(Collectors.joining("、")),
                label("A11_labour_skill", m.labourSkill()), label("A12_work_area", m.workArea()),
                m.workMonths() == null ? "" : String.valueOf(m.workMonths()),
                label("A14_dropout_reason", m.dropoutReason()), yesNo(m.speaksMandarin()), yesNo(m.pensionInsured()),
                yesNo(m.medicalInsured()), yesNo(m.criticalIllnessInsured()), yesNo(m.minimumLiving()),
                yesNo(m.commercialMedicalInsured()), yesNo(m.medicalAssistance()));
    }

    private String address(Household household) {
        Function<Integer, String> name = length -> divisions.find(household.getDivisionCode().substring(0, length))
                .map(DivisionTree.Division::name).orElse("");
        return name.apply(6) + " " + name.apply(9) + " " + name.apply(12)
                + (household.getNaturalVillage() == null ? "" : " " + household.getNaturalVillage() + "（自然村）");
    }

    private String label(String list, String code) {
        return code == null ? "" : codebook.list(list).label(code);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "是" : "否";
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    /** The sheet's rows, one after the other. */
    private static final class Lines {

        private final Sheet sheet;
        private final int lastColumn;
        private int next;

        Lines(Sheet sheet, int lastColumn) {
            this.sheet = sheet;
            this.lastColumn = lastColumn;
        }

        void skip() {
            next++;
        }

        void merged(String text, CellStyle style) {
            Row row = sheet.createRow(next);
            row.createCell(0).setCellValue(text);
            row.getCell(0).setCellStyle(style);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, lastColumn));
            next++;
        }

        void row(List<String> values, CellStyle style) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
                row.getCell(i).setCellStyle(style);
            }
        }
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle section;
        final CellStyle text;
        final CellStyle header;
        final CellStyle cell;

        Styles(XSSFWorkbook workbook) {
            title = workbook.createCellStyle();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            section = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            section.setFont(bold);
            text = workbook.createCellStyle();
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            cell = bordered(workbook);
            cell.setWrapText(true);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
