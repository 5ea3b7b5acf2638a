package cn.fupin.review.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces each year's close (12-31 24:00 Asia/Shanghai unless the plan says otherwise) with
 * {@code FunctionsClosed} once its time has come. The owning services refuse writes from the plan's close time on
 * their own; the event tells everyone else, audit tools included. Claimed in the database, so two instances announce
 * once.
 */
@Component
class YearClose {

    private static final Logger log = LoggerFactory.getLogger(YearClose.class);

    private final FunctionWindows windows;

    YearClose(FunctionWindows windows) {
        this.windows = windows;
    }

    @Scheduled(fixedDelayString = "${fupin.review.year-close-check:PT1M}", initialDelayString = "PT10S")
    void announceDueCloses() {
        for (int year : windows.yearsDueToClose()) {
            if (windows.announceCloseIfDue(year)) {
                log.info("{} 年度系统已关闭，已发布 FunctionsClosed", year);
            }
        }
    }
}
