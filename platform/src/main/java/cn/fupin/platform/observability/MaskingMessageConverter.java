package cn.fupin.platform.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.fupin.platform.pii.Masking;

/** A log line's message ({@code %m}) with ID numbers, mobile phones and bank accounts masked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.text(super.convert(event));
    }
}
