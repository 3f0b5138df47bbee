-- Added by the data module's merge (issue 5): what a merge moved and the contact it removed, kept
-- by customers itself so that an undo restores exactly those records, with their ids.
create table contact_merge_moves (
    merge_id    bigint not null,
    kind        text   not null,
    record_id   bigint not null,
    from_id     bigint not null,
    primary key (merge_id, kind, record_id)
);

create table contact_merge_snapshots (
    merge_id    bigint primary key,
    contact_id  bigint not null,
    survivor_id bigint not null,
    row         jsonb  not null
);
