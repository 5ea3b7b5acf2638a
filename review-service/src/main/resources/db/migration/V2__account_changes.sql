-- 账号开通与停用记录: who opened or disabled which account, for which role and area, why; never rewritten.
create table account_change (
    id         bigserial   primary key,
    action     text        not null check (action in ('CREATED', 'DISABLED')),
    username   text        not null,
    role       text,
    area_code  text,
    reason     text        not null,
    changed_by text        not null,
    at         timestamptz not null
);
create trigger account_change_append_only before update or delete on account_change
    for each row execute function refuse_change();
