package cn.fupin.contracts.rules;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;

/** The year the work plan's data belongs to, by the city's calendar (Asia/Shanghai). */
public final class WorkYear {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private WorkYear() {
    }

    public static int of(Clock clock) {
        return Year.now(clock.withZone(ZONE)).getValue();
    }
}
