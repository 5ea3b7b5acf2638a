package cn.fupin.bench.load;

/** Where a step sends its requests: through the gateway, as every client does, or to the service itself. */
public enum Target {
    DIRECT, GATEWAY;

    /** As step names carry it: {@code direct}, {@code gateway}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
