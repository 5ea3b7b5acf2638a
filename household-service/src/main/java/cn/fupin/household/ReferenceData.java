package cn.fupin.household;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;

/** The code lists and the division tree the service validates against, both shipped in contracts. */
@Configuration(proxyBeanMethods = false)
class ReferenceData {

    @Bean
    Codebook codebook(@Value("${fupin.codebook-year:2020}") int year) {
        return Codebook.forYear(year);
    }

    @Bean
    DivisionTree divisionTree(@Value("${fupin.county:350481}") String county) {
        return DivisionTree.ofCounty(county);
    }
}
