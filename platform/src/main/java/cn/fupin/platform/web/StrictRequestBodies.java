package cn.fupin.platform.web;

import java.util.List;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly, so that bad input is refused at the door as a 400 naming the field instead of
 * failing deeper in: a field the contract does not know, a null the contract does not admit ({@link ContractNulls})
 * or inside a list, the same key twice, a number where text is expected or text where a whole number, a fraction
 * for a whole number, a number for a date. Amounts of money may come as decimal strings ({@code "12000.50"}), as
 * the API's conventions allow; a string that is no number is still refused. Only the reading of HTTP bodies:
 * answers are written as before, and events and stored JSON keep the service's own mapper.
 */
public class StrictRequestBodies implements WebMvcConfigurer {

    private final ContractNulls contractNulls;

    /** @param contractNulls where the service's contract admits no null */
    public StrictRequestBodies(ContractNulls contractNulls) {
        this.contractNulls = contractNulls;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter json
                ? new JacksonJsonHttpMessageConverter(strict(json.getMapper().rebuild(), contractNulls))
                : converter);
    }

    /** The strict reading settings on a mapper's builder. */
    public static JsonMapper.Builder strict(JsonMapper.Builder builder, ContractNulls contractNulls) {
        return builder.addModule(new SimpleModule("contract-nulls").setDeserializerModifier(contractNulls))
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, coercion -> coercion
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, coercion -> coercion
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
