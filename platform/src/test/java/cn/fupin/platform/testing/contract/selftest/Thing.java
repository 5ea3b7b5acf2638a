package cn.fupin.platform.testing.contract.selftest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * The stand-in service's request, named as its schema ({@code Thing}) and validated as the generated classes are
 * (a required field is {@code @NotNull}).
 */
public class Thing {
    @NotNull
    public String name;
    public Integer count;
    public BigDecimal amount;
    public List<String> tags = new ArrayList<>();
    public String note;
}
