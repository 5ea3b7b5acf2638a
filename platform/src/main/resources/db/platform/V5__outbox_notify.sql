-- A commit of outbox rows wakes the service's relay (LISTEN fupin_outbox_<schema>, OutboxWakeups) instead of the
-- relay polling an empty table: one notification per inserting statement, delivered at commit, none on rollback.
-- Polling cost most while a long transaction (an all-or-nothing import) held back vacuum: every poll walked the
-- index entries of rows deleted since it began.
create or replace function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('fupin_outbox_' || tg_table_schema, '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_notify();
