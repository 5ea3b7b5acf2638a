package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yaml.snakeyaml.Yaml;

/**
 * The developer portal at the gateway, as a developer new to Fupin meets it, in headless Chromium: the landing page
 * (Chinese, English subtitles) and every link it gives answering without a token, the event catalogue rendered with
 * every event of the AsyncAPI document, the codebook and the division tree, Swagger UI over the four contracts.
 */
class PortalE2ETests {

    @Test
    void theLandingPageLinksEveryPartAndEveryLinkAnswers() {
        String gateway = Stack.get().gatewayUrl();
        try (Browser browser = Browser.start()) {
            browser.open(gateway + "/");
            browser.awaitText("开发者门户", "Fupin developer portal", "household · HouseholdRegistered.v1");

            assertThat(browser.currentUrl()).isEqualTo(gateway + "/portal/index.html");
            List<String> links = browser.links();
            assertThat(links).contains(gateway + "/swagger-ui.html", gateway + "/portal/events.html",
                    gateway + "/portal/codebook.html", gateway + "/portal/clients/fupin-client.tgz",
                    gateway + "/portal/clients/fupin-client.jar", gateway + "/portal/docs/typescript-client.html",
                    gateway + "/portal/docs/java-client.html", gateway + "/portal/docs/audit.html",
                    gateway + "/openapi/events/asyncapi.yaml", gateway + "/dashboard/");
            for (String link : links) {
                if (!link.startsWith(gateway) || link.contains("#")) {
                    continue;
                }
                HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(URI.create(link)).GET().build());
                assertThat(answer.statusCode()).as(link).isIn(200, 302);
            }
        }
    }

    @Test
    void theEventCatalogueShowsEveryEventOfTheAsyncApiDocument() throws IOException {
        try (Browser browser = Browser.start()) {
            browser.open(Stack.get().gatewayUrl() + "/portal/events.html");

            browser.awaitText("household.events", "monitoring.events", "review.events");
            browser.awaitText(messages().toArray(String[]::new));
            // each message's example as the catalogue gives it, not one made up from the schema
            browser.awaitText("端到端测试发布的事件（合成数据）", "fupin.household.HouseholdRegistered.v1");
            assertThat(browser.text(By.tagName("body"))).doesNotContain("Error");
            browser.screenshot(Path.of("target", "browser", "portal-events.png"));
        }
    }

    @Test
    void theCodebookAndTheDivisionTreeAreShownWithTheirChineseNames() {
        try (Browser browser = Browser.start()) {
            browser.open(Stack.get().gatewayUrl() + "/portal/codebook.html");

            browser.awaitText("A27 · A27_poverty_cause", "缺技术", "350481 永安市", "350481001201 吉山村", "★");
        }
    }

    @Test
    void swaggerUiShowsTheContracts() {
        try (Browser browser = Browser.start()) {
            browser.open(Stack.get().gatewayUrl() + "/swagger-ui.html");

            browser.awaitText("扶贫对象管理服务", "/api/v1/households", "登记扶贫对象户");
        }
    }

    /** The names of the AsyncAPI document's messages. */
    @SuppressWarnings("unchecked")
    private static List<String> messages() throws IOException {
        try (InputStream document = PortalE2ETests.class.getClassLoader().getResourceAsStream("events/asyncapi.yaml")) {
            Map<String, Object> asyncapi = new Yaml().load(document);
            Map<String, Object> components = (Map<String, Object>) asyncapi.get("components");
            return List.copyOf(((Map<String, Object>) components.get("messages")).keySet());
        }
    }
}
