-- 0001: the event log (DESIGN §3).
-- A released migration is never edited: change the schema with a new numbered file.

-- One row per business event, in the order the single writer appended them.
-- seq is an alias of the rowid, so the primary key costs no extra index; key is the
-- idempotency key and its UNIQUE index is the only other index on the insert path.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    type        TEXT    NOT NULL,
    stream      TEXT    NOT NULL,
    occurred_on TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    key         TEXT    NOT NULL UNIQUE,
    payload     TEXT    NOT NULL,
    record      BLOB    NOT NULL,
    hash        BLOB    NOT NULL
);

-- The log is append-only: the database itself refuses to rewrite history, whichever
-- program connects to it. (Dropping the triggers is still possible; the hash chain is
-- what catches that.)
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: DELETE is refused');
END;
