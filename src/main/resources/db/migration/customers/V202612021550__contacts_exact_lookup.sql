-- Exact, index-backed lookups of contacts by e-mail address (any case) and by phone number (its
-- last nine digits, so a national number matches whatever country prefix was typed), for duplicate
-- checks such as an import's (ContactManagement.findByEmailOrPhone). The trigram indexes serve
-- "any part" search; these serve "this very address or number".
create function contact_email_keys(emails text[]) returns text[]
    language sql immutable parallel safe
    return array(select lower(e) from unnest(emails) as e);

create function contact_phone_keys(phone_digits text) returns text[]
    language sql immutable parallel safe
    return array(select right(d, 9) from unnest(string_to_array(phone_digits, ' ')) as d where length(d) >= 6);

create index contacts_email_keys_idx on contacts using gin (contact_email_keys(emails));
create index contacts_phone_keys_idx on contacts using gin (contact_phone_keys(phone_digits));
