package cn.fupin.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;

/**
 * 监测线: the year's poverty line times the monitoring factor (codebook yearly parameters, 4000 × 1.5 in 2020). A
 * year the codebook does not list yet takes the template year's values.
 */
@Component
public class MonitoringLine {

    private final Codebook codebook;

    MonitoringLine(Codebook codebook) {
        this.codebook = codebook;
    }

    public BigDecimal of(int year) {
        return parameter(year, "poverty_line_yuan_per_person").multiply(parameter(year, "monitoring_line_factor"))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal parameter(int year, String name) {
        return codebook.parameterOrTemplate(year, name)
                .orElseThrow(() -> new IllegalStateException("codebook has no " + name));
    }
}
