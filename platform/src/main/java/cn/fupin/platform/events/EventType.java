package cn.fupin.platform.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a CloudEvents {@code type} such as {@code fupin.household.HouseholdRegistered.v1}. */
public record EventType(String service, String name, int version) {

    private static final Pattern FORMAT = Pattern.compile("^fupin\\.([a-z]+)\\.([A-Z][A-Za-z]+)\\.v([0-9]+)$");

    public static EventType parse(String type) {
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
