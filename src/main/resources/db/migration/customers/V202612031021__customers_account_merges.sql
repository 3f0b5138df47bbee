-- Added by the data module's account merge (issue 5): the contacts and activities an account merge
-- moved and the account it removed, kept by customers itself so that an undo restores exactly those
-- records, with their ids.
create table account_merge_moves (
    merge_id  bigint not null,
    kind      text   not null check (kind in ('contacts', 'activities')),
    record_id bigint not null,
    from_id   bigint not null,
    primary key (merge_id, kind, record_id)
);

create table account_merge_snapshots (
    merge_id    bigint primary key,
    account_id  bigint not null,
    survivor_id bigint not null,
    row         jsonb  not null
);
