-- The updated-at indexes that SortedSearch walks carry the owner, the phone digits and the search text, no longer
-- the grams. A walk tests a search term on the text (a word start with a regular expression, Chinese characters
-- with LIKE) where a collection finds it through the gram index (Indexing.match, SqlQuery.scanWhere), so the
-- walk still reads the index alone. The grams were two thirds of each entry (a contact's grams average 270 bytes,
-- its text 130): at a million contacts each index shrinks from 647 MB to under 200 MB, a walked row costs about a
-- third less, and testing the text costs less than testing the grams (docs/benchmarks.md, run 14).
--
-- Without a B-tree to fit, the grams are no longer bounded (Indexing): rows written from now on keep all their
-- grams. A row whose grams were cut to 1,000 bytes before keeps the cut until its next update; its late grams
-- (Chinese characters near the end of a text of some 900 bytes and more) are found by a walk and not by a
-- collection until then.

drop index contacts_updated_idx;
create index contacts_updated_idx on contacts (updated_at, id) include (owner_id, phone_digits, search_text);

drop index contacts_owner_updated_idx;
create index contacts_owner_updated_idx on contacts (owner_id, updated_at, id) include (phone_digits, search_text);

drop index accounts_updated_idx;
create index accounts_updated_idx on accounts (updated_at, id) include (owner_id, phone_digits, search_text);

drop index accounts_owner_updated_idx;
create index accounts_owner_updated_idx on accounts (owner_id, updated_at, id) include (phone_digits, search_text);
