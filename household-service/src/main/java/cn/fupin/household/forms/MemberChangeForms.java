package cn.fupin.household.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;
import cn.fupin.platform.pdf.PrintedForm;

/**
 * A village's natural changes of household members in a year, as the work plan's annexes lay them out for the
 * village to sign and hand in: 附件2 家庭成员自然增加情况表 (one block per household, the new members' A1–A20, A51 and
 * the reason) and 附件3 家庭成员自然减少情况表 (one line per member who left, with the reason's number).
 */
@Component
public class MemberChangeForms {

    static final List<String> DECREASE_COLUMNS = List.of("序号", "户主姓名", "户主证件号码", "减少家庭成员姓名",
            "减少家庭成员证件号码", "减少原因");
    static final String DECREASE_NOTE = "注：减少原因包括（1）死亡、（2）婚出、（3）出国定居、（4）判刑收监、（5）户籍迁出、"
            + "（6）农转非、（7）失联、（8）分散供养转集中供养。";

    private final HouseholdForm forms;

    MemberChangeForms(HouseholdForm forms) {
        this.forms = forms;
    }

    /** 附件2: the households of the village with members who joined in the year. */
    public PrintedForm increases(String village, int year, List<Household> households, String clerk) {
        List<String> columns = Stream.concat(HouseholdForm.MEMBER_COLUMNS.stream(), Stream.of("增加原因")).toList();
        PrintedForm form = new PrintedForm("自然增加", columns.size() + 1);
        form.title("附件2  贫困户、边缘易致贫户家庭成员自然增加情况表");
        form.text(header(village, year));
        for (Household household : households) {
            form.skip();
            Member head = head(household);
            form.text("户主姓名：" + (head == null ? "" : head.name()) + "    证件号码："
                    + (head == null ? "" : head.idNumber().value()));
            form.header(HouseholdForm.numbered(columns));
            int number = 0;
            for (Member member : household.getMembers()) {
                if (member.joinedOn() != null && member.joinedOn().getYear() == year) {
                    List<String> cells = new ArrayList<>(forms.member(member));
                    cells.add(reason("member_increase_reason", member.increaseReason()));
                    form.row(HouseholdForm.numbered(++number, cells));
                }
            }
        }
        form.skip();
        form.signatures(clerk, "户主签名");
        form.widths(HouseholdForm.memberWidths());
        return form;
    }

    /** 附件3: every member of the village's households who left in the year. */
    public PrintedForm decreases(String village, int year, List<Household> households, String clerk) {
        PrintedForm form = new PrintedForm("自然减少", DECREASE_COLUMNS.size());
        form.title("附件3  贫困户、边缘易致贫户家庭成员自然减少情况表");
        form.text(header(village, year));
        form.header(DECREASE_COLUMNS);
        int number = 0;
        for (Household household : households) {
            Member head = head(household);
            for (Member member : household.getMembers()) {
                if (member.leftOn() != null && member.leftOn().getYear() == year) {
                    form.row(List.of(String.valueOf(++number), head == null ? "" : head.name(),
                            head == null ? "" : head.idNumber().value(), member.name(),
                            member.idNumber().value(), reason("member_decrease_reason", member.decreaseReason())));
                }
            }
        }
        form.text(DECREASE_NOTE);
        form.skip();
        form.signatures(clerk, "户主签名");
        form.widths(6, 12, 22, 14, 22, 16);
        return form;
    }

    private String header(String village, int year) {
        return "行政村名称：" + forms.villageName(village) + "    行政区划代码：" + village + "    年度：" + year;
    }

    /** The reason's number as the form asks for it, its name beside it, e.g. {@code 2（婚出）}. */
    private String reason(String list, String code) {
        return code == null ? "" : code + "（" + forms.label(list, code) + "）";
    }

    private static Member head(Household household) {
        return household.getMembers().stream().filter(Member::isHead).findFirst().orElse(null);
    }
}
