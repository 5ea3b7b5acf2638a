package cn.fupin.reporting.summary.document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names of the read models' codes that are not in the codebook (the codebook names reasons, risks and
 * rules), in the order the report lists them; the names follow the work plan and the events' descriptions.
 */
final class Labels {

    static final Map<String, String> CATEGORIES = of("REGISTERED", "建档立卡户", "MARGINAL", "边缘易致贫户");
    static final Map<String, String> STATUSES = of("CANDIDATE", "待识别", "POOR", "贫困户", "EXITED", "已脱贫",
            "RETURNED", "返贫", "CLEARED", "已清退", "MARGINAL", "边缘户");
    static final Map<String, String> CHANGES = of("IDENTIFIED", "新识别", "EXITED", "脱贫退出", "RETURNED", "返贫",
            "CLEARED", "清退", "CONFIRMED", "确认标注（脱贫不享受政策户）");
    static final Map<String, String> OBJECT_TYPES = of("UNSTABLE_EXITED", "脱贫不稳定户", "MARGINAL", "边缘易致贫户");
    static final Map<String, String> OBJECT_STATUSES = of("PROPOSED", "已提出待审核", "MONITORED", "监测帮扶中",
            "ELIMINATION_REQUESTED", "风险消除待审核", "RISK_CLEARED", "风险已消除");
    static final Map<String, String> CASE_TYPES = of("NEW_IDENTIFICATION", "新识别", "POVERTY_EXIT", "脱贫退出",
            "RETURN_TO_POVERTY", "返贫", "MONITORING_INCLUSION", "监测对象纳入", "RISK_ELIMINATION", "风险消除",
            "POLICY_CLEAR_OUT", "脱贫不享受政策户清退", "POLICY_CONFIRMATION", "脱贫不享受政策户确认标注",
            "FUNCTION_OPENING", "系统功能开通");
    static final Map<String, String> WINDOW_REASONS = of("REQUEST_APPROVED", "申请获批", "CITY_OPENED", "市扶贫办直接开通",
            "REOPENED", "经市扶贫办重新开通", "YEAR_CLOSED", "年度关闭", "PHASE_ENDED", "阶段结束", "REVOKED", "市扶贫办收回");

    private Labels() {
    }

    /** The name of a code, or the code itself when it has none (an imported rule, a newer status). */
    static String name(Map<String, String> names, String code) {
        return names.getOrDefault(code, code);
    }

    private static Map<String, String> of(String... pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
