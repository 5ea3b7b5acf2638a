package cn.fupin.e2e;

import static cn.fupin.e2e.WorkPlanFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;

/**
 * Broken object level authorisation (OWASP API1) on every resource type: a household with its members, year,
 * department data, its review case, a monitoring object, and the area's lists, reports and exports of one village
 * of 西洋镇 do not exist (404) for a clerk of another village of the same township, a clerk and an officer of
 * another township — to read, to filter by, to write, to export or to decide — while its own clerk sees them.
 */
class CrossAreaE2ETests {

    static final String VILLAGE = "350481100201";
    static final String TOWNSHIP = "350481100";

    final Reviewers reviewers = new Reviewers();
    final Households households = new Households(reviewers, VILLAGE);
    final Api clerk = reviewers.clerk;

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void everyResourceOfAnotherAreaIsA404ToReadFilterWriteExportAndDecide() {
        RegisterHouseholdRequest form = households.form(HouseholdCategory.MARGINAL);
        String household = households.register(form);
        String head = form.getMembers().stream().filter(m -> "01".equals(m.getRelation())).findFirst().orElseThrow()
                .getIdNumber();
        Map<String, Object> year = Map.of(
                "income", Map.of("wageIncome", 3000, "productionIncome", 1000, "productionExpenses", 500),
                "conditions", Map.of("dangerousHouseGrade", "1", "safeDrinkingWater", true));
        assertThat(clerk.put("/api/v1/households/" + household + "/annual-records/" + YEAR, year).statusCode())
                .isEqualTo(200);
        String object = households.proposeForMonitoring(Map.of("objectType", "MARGINAL", "year", YEAR,
                "householdId", household, "risks", List.of("04")));
        String reviewCase = reviewers.caseOf(object, "MONITORING_INCLUSION", 1);

        List<String> reads = List.of("/api/v1/households/" + household,
                "/api/v1/households/" + household + "/annual-records/" + YEAR,
                "/api/v1/households/" + household + "/department-data",
                "/api/v1/monitoring-objects/" + object,
                "/api/v1/reviews/" + reviewCase,
                "/api/v1/households?areaCode=" + VILLAGE,
                "/api/v1/data-issues?areaCode=" + VILLAGE,
                "/api/v1/monitoring-objects?areaCode=" + VILLAGE,
                "/api/v1/early-warnings?areaCode=" + VILLAGE,
                "/api/v1/reports/overview?areaCode=" + VILLAGE,
                "/api/v1/reports/monitoring?areaCode=" + VILLAGE,
                "/api/v1/reports/dynamic-adjustment?areaCode=" + VILLAGE,
                "/api/v1/reports/income?year=" + YEAR + "&areaCode=" + VILLAGE,
                "/api/v1/reports/data-quality?areaCode=" + VILLAGE);
        for (String path : reads) {
            assertThat(clerk.get(path).statusCode()).as("its own clerk: " + path).isEqualTo(200);
        }

        Api sameTownship = Api.as("xiyang.clerk2");
        Api otherTownship = Api.as("gongchuan.clerk");
        Api otherOfficer = Api.as("gongchuan.officer");
        List<String> visible = new ArrayList<>();
        for (Api intruder : List.of(sameTownship, otherTownship, otherOfficer)) {
            for (String path : reads) {
                if (intruder.get(path).statusCode() != 404) {
                    visible.add(path);
                }
            }
        }
        assertThat(visible).as("another area's resources answered other than 404").isEmpty();

        for (Api intruder : List.of(sameTownship, otherTownship, otherOfficer)) {
            assertThat(intruder.patch("/api/v1/households/" + household, Map.of("phone", "13800000000"),
                    "If-Match", "\"0\"").statusCode()).as("update").isEqualTo(404);
            assertThat(intruder.put("/api/v1/households/" + household + "/annual-records/" + YEAR, year).statusCode())
                    .as("write the year").isEqualTo(404);
            assertThat(intruder.post("/api/v1/monitoring-objects/" + object + "/assistance", Map.of("measure", "02",
                    "content", "推荐务工", "amount", 100, "date", LocalDate.now().toString(),
                    "responsiblePerson", "林帮扶")).statusCode()).as("record assistance").isEqualTo(404);
            assertThat(intruder.get("/api/v1/persons?idNumber=" + head).body()).as("look a person up")
                    .isEqualTo("[]");
        }
        assertThat(otherOfficer.post("/api/v1/reviews/" + reviewCase + "/decisions", Map.of("decision", "APPROVE"))
                .statusCode()).as("decide another township's case").isEqualTo(404);
        for (String export : List.of("/api/v1/reports/income?year=" + YEAR + "&areaCode=" + TOWNSHIP,
                "/api/v1/reports/township-summary/" + TOWNSHIP + ".pdf?year=" + YEAR + "&kind=COMPLETION",
                "/api/v1/reports/township-summary/" + TOWNSHIP + ".xlsx?year=" + YEAR + "&kind=SUMMARY")) {
            assertThat(reviewers.officer.get(export).statusCode()).as("its own officer: " + export).isEqualTo(200);
            assertThat(otherOfficer.get(export).statusCode()).as("export " + export).isEqualTo(404);
        }
    }
}
