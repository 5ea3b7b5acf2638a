package cn.fupin.monitoring.objects;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/** Risk (A52) and assistance-measure codes checked against the codebook: a 400 naming each bad one. */
@Component
public class Codes {

    private final Codebook codebook;

    Codes(Codebook codebook) {
        this.codebook = codebook;
    }

    void requireRisks(String field, List<String> risks) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < risks.size(); i++) {
            if (!codebook.list("A52_risk").contains(risks.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "A52", "返贫（致贫）风险编码 " + risks.get(i) + " 不在编码表中"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    void requireMeasure(String measure) {
        if (!codebook.list("assistance_measure").contains(measure)) {
            throw ApiException.invalid(List.of(new FieldError("measure", null, "帮扶措施编码 " + measure + " 不在编码表中")));
        }
    }

    public List<String> riskNames(List<String> risks) {
        return risks.stream().map(code -> codebook.list("A52_risk").label(code)).toList();
    }

    public String measureName(String measure) {
        return codebook.list("assistance_measure").label(measure);
    }
}
