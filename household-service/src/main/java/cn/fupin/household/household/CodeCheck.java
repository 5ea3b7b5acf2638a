package cn.fupin.household.household;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.platform.domain.FieldError;

/** Checks coded fields against the codebook, naming the field and its indicator in Chinese. */
@Component
public class CodeCheck {

    private final Codebook codebook;

    CodeCheck(Codebook codebook) {
        this.codebook = codebook;
    }

    /** A code that must be present and in the list. */
    public void required(String path, String indicator, String list, String value, List<FieldError> errors) {
        if (!codebook.list(list).contains(value)) {
            errors.add(new FieldError(path, indicator, "代码 " + value + " 不在编码表 " + list + " 中"));
        }
    }

    /** A code that may be absent, and is in the list when present. */
    public void optional(String path, String indicator, String list, String value, List<FieldError> errors) {
        if (value != null) {
            required(path, indicator, list, value, errors);
        }
    }

    /** Every code of a multi-valued field ({@code path[i]}). */
    public void each(String path, String indicator, String list, List<String> values, List<FieldError> errors) {
        for (int i = 0; i < values.size(); i++) {
            required(path + "[" + i + "]", indicator, list, values.get(i), errors);
        }
    }
}
