package cn.fupin.household.villages;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;

/** 贫困村基础信息: kept per year by township officers in their township, published with the changed fields. */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class VillageYearIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481100206";

    @Test
    void aTownshipOfficerKeepsTheVillagesYearAndChangesArePublished() throws Exception {
        String first = json.writeValueAsString(Map.of("poorVillage", true, "exitYear", 2019,
                "registeredHouseholds", 42, "registeredPopulation", 131, "collectiveIncome", "56000.5",
                "hardenedRoad", true, "safeWater", true, "electricity", true, "broadband", false));
        mvc.perform(put("/api/v1/villages/" + VILLAGE + "/years/2020").with(as("township-officer", "350481100"))
                .contentType(MediaType.APPLICATION_JSON).content(first))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.registeredPopulation").value(131));

        String second = first.replace("\"broadband\":false", "\"broadband\":true");
        mvc.perform(put("/api/v1/villages/" + VILLAGE + "/years/2020").with(as("township-officer", "350481100"))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(second))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(get("/api/v1/villages/" + VILLAGE + "/years/2020").with(as("village-clerk", VILLAGE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.broadband").value(true));

        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.poll().stream()
                    .filter(r -> r.key().equals(VILLAGE) && r.value().contains("VillageUpdated")).count() == 2);
            var events = probe.poll().stream().filter(r -> r.key().equals(VILLAGE)).map(r -> r.value()).toList();
            events.forEach(event -> assertThat(new EventSchemas().violations(event)).isEmpty());
            assertThat(json.readTree(events.get(1)).get("data").get("changedFields").toString())
                    .isEqualTo("[\"broadband\"]");
        }
    }

    @Test
    void clerksOtherTownshipsAndNonVillagesAreRefused() throws Exception {
        String body = json.writeValueAsString(Map.of("poorVillage", true));
        mvc.perform(put("/api/v1/villages/" + VILLAGE + "/years/2020").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/villages/" + VILLAGE + "/years/2020").with(as("township-officer", "350481101"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/villages/350481100999/years/2020").with(as("city-officer", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/villages/" + VILLAGE + "/years/2018").with(as("city-officer", "350481"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("poorVillage", true, "exitYear", 2020))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("exitYear"));
    }
}
