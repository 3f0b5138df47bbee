-- The tickets and surveys a contact merge moved (customers.ContactReferences), so an undo moves
-- back exactly those.
create table service_contact_moves (
    merge_id  bigint not null,
    kind      text   not null check (kind in ('tickets', 'surveys')),
    record_id bigint not null,
    from_id   bigint not null,
    primary key (merge_id, kind, record_id)
);
