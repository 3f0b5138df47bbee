-- One GIN index over both search columns, the trigrams of the search text and the grams, instead of one index
-- each. A search whose terms are served by both (a word start of one or two letters, "ze", with a longer term,
-- "jiang"; or Chinese characters with Latin letters) was a BitmapAnd of two index scans, each reading every posting
-- of its terms; in one index, GIN scans the terms together and skips through a common term's postings past the
-- items a rarer term excludes. At a million contacts, 20 collections of pinyin syllables took 468 ms instead of
-- 775 (docs/benchmarks.md, run 16). A condition on one of the two columns is served as well as by its own index
-- (GIN keeps each column's keys apart, with no leading column).

create index contacts_search_idx on contacts using gin (search_text gin_trgm_ops, search_grams);
drop index contacts_search_trgm_idx;
drop index contacts_grams_idx;

create index accounts_search_idx on accounts using gin (search_text gin_trgm_ops, search_grams);
drop index accounts_search_trgm_idx;
drop index accounts_grams_idx;
