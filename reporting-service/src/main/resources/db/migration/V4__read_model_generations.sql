-- Which schema holds the read models readers and the live consumers use: `reporting` until the first rebuild,
-- then the schema the latest rebuild switched to. Kept in `reporting`, beside the inbox and the outbox.
create table read_model_generation (
    id          integer     primary key check (id = 1),
    active      text        not null,
    previous    text,
    switched_at timestamptz not null
);
insert into read_model_generation (id, active, switched_at) values (1, 'reporting', now());

create table read_model_rebuild (
    id            uuid        primary key,
    state         text        not null check (state in ('RUNNING', 'SWITCHING', 'DONE', 'FAILED')),
    target_schema text        not null,
    events        bigint      not null default 0,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    error         text
);
