-- Every answer that showed ID numbers in full (PIPL): who, when, which household, how many numbers, by what.
create table personal_data_view (
    id           bigserial   primary key,
    viewer       text        not null,
    viewer_name  text,
    household_id uuid        not null,
    id_numbers   integer     not null,
    operation    text        not null,
    at           timestamptz not null
);
create index personal_data_view_household on personal_data_view (household_id, id);
create index personal_data_view_viewer on personal_data_view (viewer, id);

create function refuse_personal_data_view_change() returns trigger language plpgsql as $$
begin
    raise exception 'personal_data_view is append-only';
end;
$$;
create trigger personal_data_view_append_only before update or delete on personal_data_view
    for each row execute function refuse_personal_data_view_change();
