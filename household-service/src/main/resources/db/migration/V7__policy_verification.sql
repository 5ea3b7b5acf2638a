-- 脱贫不享受政策户: the mark, the result of its verification (after review), and the reason of a request.
alter table household
    add column not_enjoying_policy boolean not null default false,
    add column policy_verification text check (policy_verification in ('CONFIRMED', 'CLEARED'));
alter table lifecycle_request add column reason text;
