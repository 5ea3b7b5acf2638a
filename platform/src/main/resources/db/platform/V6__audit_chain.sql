-- The audit chain (cn.fupin.audit): each aggregate's last event's hash, which its next event carries as prevhash.
-- Aggregates whose events came before the chain have none; their next event starts it.
alter table event_sequence add column last_hash text;

-- Where the checkpointer left each partition of the service's topic: the records it has hashed, the running hash
-- after them, and the offset it reads on from. A checkpoint is published for what it read before this row moves.
create table audit_checkpoint (
    topic        text   not null,
    partition    int    not null,
    next_offset  bigint not null,
    record_count bigint not null,
    chain_hash   text   not null,
    primary key (topic, partition)
);
