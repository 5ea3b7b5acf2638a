package cn.fupin.bench.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** What the simulations share: how they speak HTTP and how their steps follow one another. */
final class Steps {

    /**
     * JSON both ways, and a pool of kept-alive connections shared by all virtual users, as a calling system has
     * (not a new connection per user, which would measure TCP and the gateway's handshakes).
     */
    static final HttpProtocolBuilder JSON_OVER_SHARED_CONNECTIONS = http.acceptHeader("application/json")
            .contentTypeHeader("application/json").shareConnections();

    private Steps() {
    }

    /** The steps one after the other: each starts once every user of the one before has finished. */
    static PopulationBuilder inTurn(List<PopulationBuilder> steps) {
        PopulationBuilder chain = steps.getLast();
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        return chain;
    }
}
