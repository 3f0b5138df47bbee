-- The audit trail: append-only, each row's hash chained to the previous row's.
create table audit_log (
    id           bigserial primary key,
    occurred_at  timestamptz not null,
    actor_id     bigint,
    actor_name   text not null,
    action       text not null,
    entity_type  text not null,
    entity_id    text not null,
    summary      text,
    changes      text not null,
    prev_hash    text not null,
    hash         text not null
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
