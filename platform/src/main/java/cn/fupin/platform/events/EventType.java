package cn.fupin.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a CloudEvents {@code type} such as {@code fupin.household.HouseholdRegistered.v1}. */
public record EventType(String service, String name, int version) {

    private static final Pattern FORMAT = Pattern.compile("^fupin\\.([a-z]+)\\.([A-Z][A-Za-z]+)\\.v([0-9]+)$");
    /** The types seen, parsed once: a consumer asks each event's type several times, tens of thousands a second. */
    private static final Map<String, EventType> PARSED = new ConcurrentHashMap<>();
    /** Types are few; a stream of made-up ones is parsed each time rather than kept. */
    private static final int KEPT = 512;

    public static EventType parse(String type) {
        EventType parsed = type == null ? null : PARSED.get(type);
        if (parsed != null) {
            return parsed;
        }
        parsed = read(type);
        if (PARSED.size() < KEPT) {
            PARSED.put(type, parsed);
        }
        return parsed;
    }

    private static EventType read(String type) {
        Matcher matcher = FORMAT.matcher(type == null ? "" : type);
        if (!matcher.matches()) {
            throw new InvalidEventException("事件类型格式不正确: " + type);
        }
        return new EventType(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    @Override
    public String toString() {
        return "fupin." + service + "." + name + ".v" + version;
    }
}
