package cn.fupin.bench.report;

/**
 * One request name's (or group's) figures from a Gatling run. Its times are those of every request, failed ones
 * included (a timeout counts its 30 s), as Gatling's report gives them.
 *
 * @param name  the request's or group's path ({@code register 100/s gateway}, {@code lag 20/s})
 * @param ok    answers as expected
 * @param ko    failures: a wrong status, a timeout, a refused connection
 * @param p50   median response time (ms)
 * @param p99   99th percentile (ms)
 * @param max   slowest (ms)
 */
public record StepStats(String name, long ok, long ko, long p50, long p99, long max) {

    /** Answers as expected per second over a step of the given length. */
    public double okPerSecond(int seconds) {
        return (double) ok / seconds;
    }
}
