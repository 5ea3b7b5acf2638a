package cn.fupin.audit;

/** A partition's running hash ({@link ChainHashes#next}) and the number of records it has taken in. */
public final class PartitionChain {

    private long count;
    private String hash;

    private PartitionChain(long count, String hash) {
        this.count = count;
        this.hash = hash;
    }

    /** Before the partition's first record. */
    public static PartitionChain start() {
        return new PartitionChain(0, ChainHashes.GENESIS);
    }

    /** Where a checkpoint left it. */
    public static PartitionChain resume(long count, String hash) {
        return new PartitionChain(count, hash);
    }

    public void add(byte[] key, byte[] value) {
        hash = ChainHashes.next(hash, key, value);
        count++;
    }

    public long count() {
        return count;
    }

    public String hash() {
        return hash;
    }
}
