-- 0002: the full-text index of what people wrote on customer files (issue 4, item 7).
-- A released migration is never edited: change the schema with a new numbered file.

-- One row per event with words worth searching (Event.searchableText: notes, dispute
-- reasons, reminder notes, finance's reasons, override reasons, customer names); rowid is
-- the event's seq. The log writes it in the appending transaction, so it never lags; a
-- log older than this migration is indexed by the program that applies it. French text:
-- accents are folded ("relance" finds "Relancé").
CREATE VIRTUAL TABLE search_text USING fts5(
    customer UNINDEXED,
    type UNINDEXED,
    occurred_on UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Whether the rows logged before this migration have been indexed yet: NULL until the
-- program that applied it has done so (in one transaction, so a crash leaves NULL and
-- the next open starts again); then the last sequence that pass covered.
CREATE TABLE search_backfill (indexed_through INTEGER);
INSERT INTO search_backfill (indexed_through) VALUES (NULL);
