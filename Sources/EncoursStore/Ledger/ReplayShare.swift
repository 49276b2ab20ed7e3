import EncoursCore

/// A range of a cold replay's rows, decoded into consecutive places of the ledger's entries,
/// each routed to an account numbered by the reading thread (``CustomerNumbering``), with
/// the documents it creates (``DocumentBirths``).
struct ReplayShare {
    /// Renumbered when the ranges are put together (``ReplayShares``).
    var births = DocumentBirths()
    /// How many places the share has filled.
    private(set) var count = 0
    /// The sequence of the last row read (0 before any).
    private(set) var lastSequence: Int64 = 0
    private let places: Places

    init(_ places: Places) {
        self.places = places
    }

    /// Reads the rows `scan` gives into the share's places; returns what stopped it early.
    ///
    /// `scan` is a log's or a reader's `scanRecords` over the share's range.
    mutating func read(
        _ scan: ((EventRecordRowView) throws -> Void) throws -> Void,
        numbering: inout CustomerNumbering
    ) -> LedgerDatabaseError? {
        ReplayRows.read(scan) { seq, stream, event in
            // Sequence numbers are the table's key: a range holds no more rows than numbers.
            precondition(count < places.capacity, "more rows than sequence numbers up to seq \(seq)")
            let account = numbering.number(of: stream, at: seq)
            births.record(event, account: Int32(account))
            (places.entries + count).initialize(to: LedgerEntry(sequence: seq, event: event))
            places.accounts[count] = Int32(account)
            count += 1
            lastSequence = seq
        }
    }

    /// Destroys the entries read, when the replay gives up.
    mutating func discard() {
        places.entries.deinitialize(count: count)
        count = 0
    }
}

extension ReplayShare {
    /// The places a share fills: consecutive entries of the ledger being built, and the
    /// account of each.
    struct Places: @unchecked Sendable {
        // Unchecked: each share's places are its own, written by its thread alone, and read
        // by the replay only once that thread is done.
        let entries: UnsafeMutablePointer<LedgerEntry>
        let accounts: UnsafeMutablePointer<Int32>
        let capacity: Int
    }
}
