package cn.fupin.review;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.fupin.contracts.areas.DivisionTree;

/** review-service: owns review cases (village → township → city) and the yearly work plan. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReviewServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewServiceApplication.class, args);
    }

    @Bean
    DivisionTree divisionTree(@org.springframework.beans.factory.annotation.Value("${fupin.county:350481}") String county) {
        return DivisionTree.ofCounty(county);
    }
}
