-- Added by the data module's merge (issue 5): the sales records a contact merge moved, so an undo
-- moves back exactly those. For deal_contacts, record_id is the deal; a link dropped because the
-- deal already named the survivor is kept with removed = true and its role.
create table sales_contact_moves (
    merge_id  bigint  not null,
    kind      text    not null check (kind in ('deal_contacts', 'quotes', 'orders', 'leads')),
    record_id bigint  not null,
    from_id   bigint  not null,
    to_id     bigint  not null,
    role      text,
    removed   boolean not null default false,
    primary key (merge_id, kind, record_id)
);
