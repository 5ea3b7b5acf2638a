package cn.fupin.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The event types the contracts publish (their JSON Schemas on the class path, {@code events/<service>/<Event>.v<N>
 * .schema.json}): a consumer skips a catalogued type it does not read, and dead-letters a type no contract knows —
 * a forged record, or a publisher newer than this consumer, whose dead letters are replayed once it is upgraded.
 */
public final class EventCatalogue {

    private static final Pattern SCHEMA = Pattern.compile("events/([a-z]+)/([A-Z][A-Za-z]+)\\.v(\\d+)\\.schema\\.json$");

    private final Set<String> types;
    private final Set<String> names;

    private EventCatalogue(Set<String> types) {
        this.types = Set.copyOf(types);
        this.names = types.stream().map(type -> EventType.parse(type).name()).collect(java.util.stream.Collectors.toSet());
    }

    /** The catalogue of the contracts on the class path; empty where there are none (the platform's own tests). */
    public static EventCatalogue fromClasspath() {
        Set<String> types = new TreeSet<>();
        try {
            for (Resource schema : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:events/*/*.schema.json")) {
                Matcher matcher = SCHEMA.matcher(String.valueOf(schema.getURL()));
                if (matcher.find()) {
                    types.add("fupin." + matcher.group(1) + "." + matcher.group(2) + ".v" + matcher.group(3));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the event schemas on the class path", ex);
        }
        return new EventCatalogue(types);
    }

    /** Whether a contract publishes this type; every type, where no contract is on the class path. */
    public boolean knows(String type) {
        return types.isEmpty() || types.contains(type);
    }

    /** Whether a contract publishes an event of this name, in any version (a consumer that reads by name). */
    public boolean knowsName(String name) {
        return types.isEmpty() || names.contains(name);
    }

    public Set<String> types() {
        return types;
    }
}
