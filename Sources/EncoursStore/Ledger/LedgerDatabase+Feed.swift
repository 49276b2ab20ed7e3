extension LedgerDatabase {
    /// Appends, as one all-or-nothing batch, the events `feed` brings while they are still
    /// being read; returns `nil`, with nothing appended, when the feed is abandoned (the
    /// reading found errors).
    ///
    /// A large batch of new events is inserted as it arrives, so reading a big file and
    /// writing it overlap; a small batch, or one that holds events already recorded (a
    /// re-imported export), waits for the whole batch and takes the ordinary path of
    /// ``append(_:actor:recordedAt:screening:keepingRecordedLettering:)``, with the same
    /// outcomes, errors and lettering. Orders are not decided (offline imports).
    public func append(
        feed: SubmissionFeed,
        actor: String,
        recordedAt: String,
        keepingRecordedLettering: Bool = false
    ) throws(LedgerDatabaseError) -> AppendReport? {
        let (count, start, end) = feed.opening(atLeast: Self.streamingThreshold, prefix: 1000)
        if end == .abandoned { return nil }
        var mayStream = count >= Self.streamingThreshold
        if mayStream {
            let fingerprints = try loadedFingerprints()
            self.fingerprints = fingerprints
            if !Self.startsWithRecordedEvents(start, fingerprints: fingerprints) {
                switch try appendStreaming(feed, actor: actor, recordedAt: recordedAt, fingerprints: fingerprints) {
                case .appended(let report):
                    self.fingerprints = nil  // reloaded from the log when next needed
                    return report
                case .abandoned:
                    return nil
                case .needsOrdinaryPath:
                    mayStream = false
                }
            }
        }
        guard let submissions = feed.wholeBatch() else { return nil }
        return try append(
            submissions,
            actor: actor,
            recordedAt: recordedAt,
            screening: nil,
            keepingRecordedLettering: keepingRecordedLettering,
            mayStream: mayStream
        )
    }
}
