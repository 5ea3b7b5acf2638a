package cn.fupin.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fupin.contracts.areas.DivisionTree;

/** The division tree reports drill down by, shipped in contracts. */
@Configuration(proxyBeanMethods = false)
class ReferenceData {

    @Bean
    cn.fupin.contracts.codebook.Codebook codebook(@Value("${fupin.codebook-year:2020}") int year) {
        return cn.fupin.contracts.codebook.Codebook.forYear(year);
    }

    @Bean
    DivisionTree divisionTree(@Value("${fupin.county:350481}") String county) {
        return DivisionTree.ofCounty(county);
    }
}
