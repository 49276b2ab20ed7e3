import EncoursCore

extension LedgerDatabase {
    /// Runs `body` on the ledger as the last committed batch left it, alongside other
    /// readers and the writer's disk work; only the instant a committed batch is applied
    /// excludes readers.
    ///
    /// The ledger is lent, not copied: keeping a copy after `body` returns would make the
    /// next batch copy the whole ledger before changing it.
    public func read<Result, Failure: Error>(_ body: (Ledger) throws(Failure) -> Result) throws(Failure) -> Result {
        try ledgerLock.withReadLock { () throws(Failure) in try body(ledger) }
    }
}
