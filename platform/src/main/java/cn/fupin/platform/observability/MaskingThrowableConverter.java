package cn.fupin.platform.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import cn.fupin.platform.pii.Masking;

/**
 * A logged exception with its messages masked like {@link MaskingMessageConverter}: a database's duplicate-key
 * detail or a validation message can carry the value it refused.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.text(super.convert(event));
    }
}
