package cn.fupin.review;

import java.time.ZoneId;

/** Dates of the work plan are dates in Asia/Shanghai, wherever the service runs. */
public final class WorkZone {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private WorkZone() {
    }
}
