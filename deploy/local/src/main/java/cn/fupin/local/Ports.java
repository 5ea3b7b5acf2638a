package cn.fupin.local;

/**
 * The TCP ports of every part. The defaults are the documented local ports (gateway 8080, Keycloak 8180, …);
 * {@link #fromBase(int)} moves them all, so a second stack (e.g. the end-to-end tests) can run beside a
 * developer's running one.
 */
record Ports(int postgres, int kafka, int kafkaController, int keycloak, int keycloakManagement, int gateway,
        int household, int monitoring, int review, int reporting, int kafkaProxy, int kafkaBehindProxy) {

    static Ports defaults() {
        return new Ports(15432, 19092, 19093, 8180, 9000, 8080, 8081, 8082, 8083, 8084, 19094, 19095);
    }

    /**
     * Ports at fixed offsets from a base, mirroring the default numbers: base 20000 gives gateway 20080,
     * services 20081–20084, Keycloak 20180, Kafka 20092/20093 (and 20094/20095 for a proxy), PostgreSQL 20432.
     */
    static Ports fromBase(int base) {
        if (base < 1024 || base > 65000) {
            throw new IllegalArgumentException("port base must be between 1024 and 65000: " + base);
        }
        return new Ports(base + 432, base + 92, base + 93, base + 180, base + 190, base + 80, base + 81, base + 82,
                base + 83, base + 84, base + 94, base + 95);
    }
}
