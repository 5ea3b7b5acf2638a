-- Idempotency-Key on creating POSTs: the first response is kept per caller and key and replayed on retries,
-- so a retry over a flaky village network never creates twice.
create table idempotent_request (
    principal       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    state           text        not null check (state in ('IN_PROGRESS', 'DONE')),
    status          integer,
    content_type    text,
    location        text,
    etag            text,
    body            bytea,
    created_at      timestamptz not null default now(),
    primary key (principal, idempotency_key)
);
