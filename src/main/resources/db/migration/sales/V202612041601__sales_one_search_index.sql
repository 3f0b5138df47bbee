-- Leads are searched as contacts are: one GIN index over the trigrams of the search text and the grams, as in
-- customers' V202612041600.

create index leads_search_idx on leads using gin (search_text gin_trgm_ops, search_grams);
drop index leads_search_trgm_idx;
drop index leads_grams_idx;
