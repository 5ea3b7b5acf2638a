-- Transactional outbox: rows written with the state change, sent to Kafka by the relay, then deleted.
create table outbox_event (
    id          bigserial primary key,
    event_id    text        not null,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null
);

-- Gap-free per-aggregate sequence numbers carried in every event (CloudEvents extension "sequence").
create table event_sequence (
    aggregate_id  text   primary key,
    last_sequence bigint not null
);

-- Idempotent consumers: the ids of processed events, written in the transaction of their effect.
create table inbox_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
