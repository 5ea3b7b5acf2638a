package cn.fupin.reporting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Who reads the area reports: everyone who works with the data, each inside the own area; not departments. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
public @interface ReportReaders {
}
