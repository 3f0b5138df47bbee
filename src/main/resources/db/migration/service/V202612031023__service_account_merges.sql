-- Added by the data module's account merge (issue 5): the tickets an account merge moved
-- (customers.AccountReferences), so an undo moves back exactly those.
create table service_account_moves (
    merge_id  bigint not null,
    kind      text   not null check (kind in ('tickets')),
    record_id bigint not null,
    from_id   bigint not null,
    primary key (merge_id, kind, record_id)
);
