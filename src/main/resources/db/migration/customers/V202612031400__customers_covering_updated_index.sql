-- The updated-at sort index carries the columns a search tests (owner, phone digits, search text, grams),
-- so SortedSearch's walk in "recently updated first" order (a search's default) tests each row in the
-- index without visiting the table: about a microsecond a row instead of several (docs/benchmarks.md).
--
-- A B-tree entry holds at most 2,704 bytes, so the search columns are bounded (Indexing.MAX_TEXT_BYTES
-- and MAX_GRAM_BYTES, 1,000 bytes each; phone digits are at most 10 numbers of 40 characters). Rows written
-- before the bound that exceed it are cut here first: 250 characters are at most 1,000 bytes of UTF-8,
-- and grams are kept in order while their array stays within 1,000 bytes. Such rows are rare (a generated
-- contact's text averages 130 bytes) and are recomputed exactly at their next update.

update contacts set search_text = rtrim(left(search_text, 250)) where octet_length(search_text) > 1000;
update accounts set search_text = rtrim(left(search_text, 250)) where octet_length(search_text) > 1000;

create function rapport_capped_grams(grams text[]) returns text[] language sql immutable as $$
  select coalesce(array_agg(g order by n), '{}')
  from (select g, n, 24 + sum((4 + octet_length(g) + 3) / 4 * 4) over (order by n) as total
        from unnest(grams) with ordinality as u(g, n)) x
  where total <= 1000
$$;

update contacts set search_grams = rapport_capped_grams(search_grams)
  where octet_length(array_to_string(search_grams, '')) + 7 * cardinality(search_grams) > 976;
update accounts set search_grams = rapport_capped_grams(search_grams)
  where octet_length(array_to_string(search_grams, '')) + 7 * cardinality(search_grams) > 976;

drop function rapport_capped_grams(text[]);

drop index contacts_updated_idx;
create index contacts_updated_idx on contacts (updated_at, id) include (owner_id, phone_digits, search_text, search_grams);

drop index accounts_updated_idx;
create index accounts_updated_idx on accounts (updated_at, id) include (owner_id, phone_digits, search_text, search_grams);
