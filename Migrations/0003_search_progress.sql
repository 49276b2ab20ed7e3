-- 0003: how far the search index has got (issue 2: a large import is durable before it is indexed).
-- A released migration is never edited: change the schema with a new numbered file.

-- From here on, search_backfill.indexed_through is the last seq up to which every row's words
-- are surely in search_text. A small append indexes its rows in its own transaction and moves
-- it on when it was at the head; a large import indexes its rows in a second transaction, just
-- after its commit, and moves it then. The program that opens the log indexes what a crash
-- between the two left out (rows above it whose words are not there yet).
-- Until now every appended row was indexed in its transaction, so a log whose first indexing
-- pass is done is indexed up to its head; NULL (that pass not done) stays NULL.
UPDATE search_backfill
SET indexed_through = (SELECT coalesce(max(seq), 0) FROM events)
WHERE indexed_through IS NOT NULL;
