-- A fulfilled order's content stays frozen, but whom it belongs to may follow a merge of two
-- contacts or accounts (the data module's merge, and its undo): an update that changes nothing but
-- contact_id, account_id and version passes; any other change to a fulfilled order is refused.
create or replace function orders_fulfilled_are_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status = 'fulfilled' then
            raise exception 'order % is fulfilled and cannot be deleted', old.number using errcode = 'check_violation';
        end if;
        return old;
    end if;
    if old.status = 'fulfilled' then
        if (to_jsonb(new) - 'contact_id' - 'account_id' - 'version')
           = (to_jsonb(old) - 'contact_id' - 'account_id' - 'version') then
            return new;
        end if;
        raise exception 'order % is fulfilled and cannot be changed', old.number using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
