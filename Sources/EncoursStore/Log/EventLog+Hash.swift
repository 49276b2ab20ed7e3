extension EventLog {
    /// The chain hash of row `sequence`: ``EventHashChain/genesis`` for 0, `nil` when the
    /// log has no such row.
    ///
    /// A snapshot records the hash of its last row, so that one written for another log (a
    /// restored backup, another database) is recognized and refused: this is what it is
    /// compared with.
    public func hash(at sequence: Int64) throws(EventLogError) -> [UInt8]? {
        if sequence == 0 { return EventHashChain.genesis }
        var hash: [UInt8]?
        try scanRows(from: sequence, through: sequence) { row in
            hash = [UInt8](row.hashBytes)
            return false
        }
        return hash
    }
}
