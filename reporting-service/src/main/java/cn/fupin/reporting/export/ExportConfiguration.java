package cn.fupin.reporting.export;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the CSV and XLSX writers, so every report answers by the {@code Accept} header. */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvReportConverter());
        converters.add(new XlsxReportConverter());
    }
}
