-- 0002: full-text search over what people wrote on customer files (issue 4, item 7).
-- A released migration is never edited: change the schema with a new numbered file.

-- The words of each event worth searching, one definition used both to index new rows
-- (the trigger below) and to index the rows already in the log (the backfill at the end).
-- Notes (text and tags), dispute reasons, reminder notes, the reasons finance gives for
-- limits and blocks, an order's override reason, and customers' legal and trade names (so
-- that a search also finds the customers by name).
CREATE VIEW event_search_text AS
SELECT seq, stream AS customer, type, occurred_on, trim(
    CASE type
        WHEN 'note.logged' THEN
            coalesce(json_extract(payload, '$.text'), '') || ' ' ||
            coalesce((SELECT group_concat(value, ' ') FROM json_each(payload, '$.tags')), '')
        WHEN 'dispute.opened' THEN coalesce(json_extract(payload, '$.reason'), '')
        WHEN 'reminder.sent' THEN coalesce(json_extract(payload, '$.note'), '')
        WHEN 'customer.blocked' THEN coalesce(json_extract(payload, '$.reason'), '')
        WHEN 'customer.unblocked' THEN coalesce(json_extract(payload, '$.reason'), '')
        WHEN 'credit_limit.set' THEN coalesce(json_extract(payload, '$.reason'), '')
        WHEN 'order.placed' THEN coalesce(json_extract(payload, '$.override'), '')
        ELSE
            coalesce(json_extract(payload, '$.legal_name'), '') || ' ' ||
            coalesce(json_extract(payload, '$.trade_name'), '')
    END) AS body
FROM events
WHERE type IN (
    'note.logged', 'dispute.opened', 'reminder.sent', 'customer.blocked', 'customer.unblocked',
    'credit_limit.set', 'order.placed', 'customer.registered', 'customer.updated'
);

-- rowid is the event's seq. French text: accents are folded ("relancé" finds "relance").
CREATE VIRTUAL TABLE search_text USING fts5(
    customer UNINDEXED,
    type UNINDEXED,
    occurred_on UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- In the appending transaction, so the index never lags the log; the WHEN clause keeps
-- the cost off the invoices and payments that make most of the log.
CREATE TRIGGER events_index_search_text AFTER INSERT ON events
WHEN new.type IN (
    'note.logged', 'dispute.opened', 'reminder.sent', 'customer.blocked', 'customer.unblocked',
    'credit_limit.set', 'order.placed', 'customer.registered', 'customer.updated'
)
BEGIN
    INSERT INTO search_text (rowid, customer, type, occurred_on, body)
    SELECT seq, customer, type, occurred_on, body FROM event_search_text
    WHERE seq = new.seq AND body <> '';
END;

INSERT INTO search_text (rowid, customer, type, occurred_on, body)
SELECT seq, customer, type, occurred_on, body FROM event_search_text WHERE body <> '';
