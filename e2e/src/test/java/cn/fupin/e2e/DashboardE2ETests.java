package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.fupin.contracts.rules.WorkYear;
import tools.jackson.databind.JsonNode;

/**
 * The city office's dashboard (数据看板) in a real browser: served by reporting-service through the gateway, the
 * user logged in on Keycloak's own login page (authorization code with PKCE, public client {@code fupin-web}),
 * every figure shown equal to what the API answers the same user, a township's name opening that township's
 * overview, the year changeable. The screenshot is kept as {@code target/browser/dashboard.png}.
 */
class DashboardE2ETests {

    private static final String CITY = "350481";
    private static final String XIYANG = WorkPlanFixture.XIYANG;
    private static final Map<String, String> PENDING = Map.of("pendingVillage", "village",
            "pendingTownship", "township", "pendingCity", "city", "returned", "returned");

    @BeforeAll
    static void underTheWorkPlan() {
        WorkPlanFixture.xiyangOpen();
    }

    @Test
    void thePageAndTheWayToKeycloakNeedNoTokenTheReportsDo() {
        Api anonymous = Api.anonymous();

        var page = anonymous.get("/dashboard/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"zh-CN\">");
        var home = anonymous.get("/dashboard/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("/dashboard/index.html");

        JsonNode provider = Api.json(anonymous.get("/dashboard/openid-configuration"));
        assertThat(provider.get("issuer").asString()).isEqualTo(Stack.get().issuerUri());
        assertThat(provider.get("authorization_endpoint").asString()).startsWith(Stack.get().issuerUri());

        assertThat(anonymous.get("/api/v1/reports/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void theCityOfficeSeesTheApisFiguresDrillsDownToATownshipAndChangesTheYear() throws IOException {
        Api city = Api.as("city.officer");
        int year = LocalDate.now(WorkYear.ZONE).getYear();
        try (Browser browser = Browser.start()) {
            browser.open(Stack.get().gatewayUrl() + "/dashboard/");
            String loginPage = browser.logInOnKeycloak("city.officer", "demo123");
            assertThat(loginPage).startsWith(Stack.get().issuerUri() + "/protocol/openid-connect/auth?")
                    .contains("client_id=fupin-web", "response_type=code", "code_challenge_method=S256");
            browser.awaitShown(CITY, year);

            assertThat(browser.text(By.id("user-name"))).isNotBlank();
            assertThat(browser.texts(By.cssSelector("#breadcrumb li"))).containsExactly("永安市");
            showsTheOverview(browser, city, CITY, year);
            showsTheProgress(browser, city, year);
            isAPictureOfTheDashboard(browser.screenshot(Path.of("target", "browser", "dashboard.png")));

            browser.click(By.cssSelector("#progress-rows button[data-area-code='" + XIYANG + "']"));
            browser.awaitShown(XIYANG, year);
            assertThat(browser.text(By.id("overview-area-name"))).isEqualTo("西洋镇");
            assertThat(browser.texts(By.cssSelector("#breadcrumb li"))).containsExactly("永安市", "西洋镇");
            showsTheOverview(browser, city, XIYANG, year);

            browser.click(By.cssSelector("#year option[value='" + (year - 1) + "']"));
            browser.awaitShown(XIYANG, year - 1);
            showsTheProgress(browser, city, year - 1);
            assertThat(browser.currentUrl()).contains("year=" + (year - 1)).contains("area=" + XIYANG);
        }
    }

    /**
     * Every figure of the overview equals the API's for the same user. Both are read again until they agree:
     * the read model moves on as events arrive.
     */
    private static void showsTheOverview(Browser browser, Api api, String area, int year) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = Api.json(api.get("/api/v1/reports/overview?areaCode=" + area + "&year=" + year));
            browser.click(By.id("refresh"));
            browser.awaitShown(area, year);

            assertThat(report.get("households").asLong()).as("the fixture's household is counted").isPositive();
            assertThat(browser.number(By.id("overview-households"))).isEqualTo(report.get("households").asLong());
            assertThat(browser.number(By.id("overview-persons"))).isEqualTo(report.get("persons").asLong());
            JsonNode poor = report.get("poorVillages");
            assertThat(browser.number(By.id("overview-poor-villages"))).isEqualTo(poor.get("villages").asLong());
            assertThat(browser.number(By.id("overview-poor-households"))).isEqualTo(poor.get("households").asLong());
            assertThat(browser.number(By.id("overview-poor-persons"))).isEqualTo(poor.get("persons").asLong());
            showsTheGroups(browser, "category-rows", report.get("byCategory"));
            showsTheGroups(browser, "status-rows", report.get("byStatus"));
            assertThat(browser.texts(By.cssSelector("#children-rows tr"))).hasSize(report.get("children").size());
            for (JsonNode child : report.get("children")) {
                String row = "#children-rows tr[data-area-code='" + child.get("areaCode").asString() + "'] ";
                assertThat(browser.text(By.cssSelector(row + "th"))).isEqualTo(child.get("areaName").asString());
                assertThat(browser.text(By.cssSelector(row + "[data-field='poorVillage']")))
                        .isEqualTo(child.path("poorVillage").asBoolean(false) ? "是" : "");
                assertThat(browser.number(By.cssSelector(row + "[data-field='households']")))
                        .isEqualTo(child.get("households").asLong());
                assertThat(browser.number(By.cssSelector(row + "[data-field='persons']")))
                        .isEqualTo(child.get("persons").asLong());
            }
        });
    }

    private static void showsTheGroups(Browser browser, String rows, JsonNode groups) {
        assertThat(browser.texts(By.cssSelector("#" + rows + " tr"))).hasSize(groups.size());
        for (JsonNode group : groups) {
            String row = "#" + rows + " tr[data-code='" + group.get("code").asString() + "'] ";
            assertThat(browser.text(By.cssSelector(row + "th"))).isEqualTo(group.get("label").asString());
            assertThat(browser.number(By.cssSelector(row + "[data-field='households']")))
                    .isEqualTo(group.get("households").asLong());
            assertThat(browser.number(By.cssSelector(row + "[data-field='persons']")))
                    .isEqualTo(group.get("persons").asLong());
        }
    }

    /** The plan's phase and every township's row equal the API's progress report of the year. */
    private static void showsTheProgress(Browser browser, Api api, int year) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = Api.json(api.get("/api/v1/reports/progress?year=" + year));
            browser.click(By.id("refresh"));
            browser.awaitShown(browser.currentArea(), year);

            assertThat(browser.text(By.id("progress-year"))).isEqualTo(String.valueOf(year));
            assertThat(browser.text(By.id("progress-plan"))).contains(!report.get("planPublished").asBoolean()
                    ? "工作计划尚未发布" : report.hasNonNull("currentPhaseName")
                            ? "当前阶段：" + report.get("currentPhaseName").asString() : "当前不在任何工作阶段");
            assertThat(browser.texts(By.cssSelector("#progress-rows tr"))).hasSize(report.get("townships").size());
            for (JsonNode township : report.get("townships")) {
                String row = "#progress-rows tr[data-area-code='" + township.get("townshipCode").asString() + "'] ";
                assertThat(browser.text(By.cssSelector(row + "th")))
                        .isEqualTo(township.get("townshipName").asString());
                assertThat(browser.text(By.cssSelector(row + "[data-field='functionsOpen']")))
                        .isEqualTo(township.get("functionsOpen").asBoolean() ? "已开通" : "未开通");
                for (String field : new String[] { "households", "annualRecords", "issuesOpen", "issuesClosed" }) {
                    assertThat(browser.number(By.cssSelector(row + "[data-field='" + field + "']")))
                            .as(field).isEqualTo(township.get(field).asLong());
                }
                PENDING.forEach((field, stage) -> assertThat(
                        browser.number(By.cssSelector(row + "[data-field='" + field + "']")))
                        .as(field).isEqualTo(township.get("reviewsPending").get(stage).asLong()));
            }
        });
    }

    /** A real picture of the page: a PNG of the window's size, many colours, the masthead in its blue. */
    private static void isAPictureOfTheDashboard(Browser.Screenshot screenshot) throws IOException {
        BufferedImage image = ImageIO.read(screenshot.file().toFile());
        assertThat(image).as("a PNG that decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(screenshot.width());
        assertThat(image.getHeight()).isEqualTo(screenshot.height());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(100);
        assertThat(image.getRGB(8, 8) & 0xffffff).as("the masthead's blue").isEqualTo(0x1f5fa8);
    }
}
