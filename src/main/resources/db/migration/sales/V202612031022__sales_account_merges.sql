-- Added by the data module's account merge (issue 5): the sales records an account merge moved
-- (customers.AccountReferences), so an undo moves back exactly those.
create table sales_account_moves (
    merge_id  bigint not null,
    kind      text   not null check (kind in ('deals', 'quotes', 'orders', 'leads')),
    record_id bigint not null,
    from_id   bigint not null,
    primary key (merge_id, kind, record_id)
);
