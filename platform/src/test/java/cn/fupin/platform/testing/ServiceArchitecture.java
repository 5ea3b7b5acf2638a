package cn.fupin.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules every service is held to, beside its module map (Spring Modulith's verification): no service
 * uses another's code, the HTTP adapters (controllers, {@code web} packages) leave SQL and repositories to the
 * feature's queries and stores, and the aggregates know nothing of HTTP.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("household", "monitoring", "review", "reporting");

    private ServiceArchitecture() {
    }

    /** @param service e.g. {@code household} */
    public static ArchRule noOtherServiceIsUsed(String service) {
        return noClasses().that().resideInAPackage("cn.fupin." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().filter(s -> !s.equals(service))
                        .map(s -> "cn.fupin." + s + "..").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAPackage("cn.fupin.gateway..");
    }

    public static ArchRule httpAdaptersStayOffPersistence(String service) {
        return noClasses().that().resideInAPackage("cn.fupin." + service + "..web..")
                .or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.springframework.data.repository..", "org.springframework.data.jdbc..");
    }

    /**
     * The aggregates speak the domain's language: a refusal is a {@code RuleViolation} of a kind, never an HTTP
     * status; the web layer maps kinds to statuses in one place.
     */
    public static ArchRule aggregatesKnowNoHttp(Class<?>... aggregates) {
        return noClasses().that().belongToAnyOf(aggregates)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "cn.fupin.platform.web..");
    }

    /**
     * One way to raise events: a feature raises a {@code PublishedEvent} (or its aggregate registers one) and the
     * platform's {@code PublishedEvents} alone appends it to the outbox — no class of the service writes the outbox.
     */
    public static ArchRule eventsAreRaisedNotWritten(String service) {
        return noClasses().that().resideInAPackage("cn.fupin." + service + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.fupin.platform.outbox.Outbox")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.fupin.platform.outbox.OutgoingEvent");
    }
}
