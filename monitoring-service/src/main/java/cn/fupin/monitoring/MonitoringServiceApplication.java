package cn.fupin.monitoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;

/** monitoring-service: owns monitoring objects, their risks, assistance and risk elimination, and early warning. */
@SpringBootApplication
public class MonitoringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringServiceApplication.class, args);
    }

    @Bean
    Codebook codebook(@Value("${fupin.codebook-year:2020}") int year) {
        return Codebook.forYear(year);
    }

    /** The county's villages: the forms are filed by village. */
    @Bean
    DivisionTree divisionTree(@Value("${fupin.county:350481}") String county) {
        return DivisionTree.ofCounty(county);
    }
}
