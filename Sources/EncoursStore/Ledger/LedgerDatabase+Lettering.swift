import EncoursCore

extension LedgerDatabase {
    /// A payment an export sends again with other lettering than it was recorded with.
    public struct ReletteredPayment: Sendable, Hashable {
        /// The position of the payment in the submitted batch.
        public var index: Int
        /// The sequence of the recorded payment, which stands.
        public var seq: Int64
        /// The payment as recorded: what the batch now carries in its place.
        public var recorded: Event
        /// The payment as the export sent it.
        public var sent: Event

        /// What reports say of it, after the file and line.
        public var notice: String {
            "lettering differs from the payment recorded (seq \(seq)); the recorded payment stands"
        }
    }

    /// Puts the recorded payment in place of each submitted one that differs from it only in
    /// its allocations, and says which.
    ///
    /// Accountants letter payments after booking them: a cumulative export first sends a
    /// payment unlettered (the ledger applies it to the oldest invoices), then, once
    /// lettered, the same payment with allocations. A recorded fact is never rewritten, and
    /// refusing the whole export for it would stop every nightly import, so for exports the
    /// recorded payment stands (its amount, customer and day are the same; the customer's
    /// balance does not change) and the caller reports the lettering that was not applied.
    /// Canonical events do not go through this: there, other allocations are a conflict.
    public func keepingRecordedLettering(
        _ submissions: [Submission]
    ) throws(LedgerDatabaseError) -> (submissions: [Submission], relettered: [ReletteredPayment]) {
        let fingerprints = try loadedFingerprints()
        self.fingerprints = fingerprints
        var candidates: [(index: Int, key: String)] = []
        for (index, submission) in submissions.enumerated() {
            guard case .paymentReceived = submission.event, let key = submission.event.naturalKey,
                fingerprints.mayContain(KeyFingerprints.fingerprint(key.utf8))
            else { continue }
            candidates.append((index, key))
        }
        guard !candidates.isEmpty else { return (submissions, []) }
        let existing: [String: ExistingRecord]
        do {
            existing = try log.existingRecords(forKeys: candidates.map(\.key))
        } catch {
            throw .log(error)
        }
        var submissions = submissions
        var relettered: [ReletteredPayment] = []
        for (index, key) in candidates {
            guard let record = existing[key],
                case .paymentReceived(let sent) = submissions[index].event,
                case .paymentReceived(let recorded)? = record.record.withUnsafeBytes({ try? EventRecordCodec.decode($0) }),
                recorded.allocations != sent.allocations
            else { continue }
            var sameButLettering = sent
            sameButLettering.allocations = recorded.allocations
            guard sameButLettering == recorded else { continue }
            relettered.append(
                ReletteredPayment(
                    index: index,
                    seq: record.seq,
                    recorded: .paymentReceived(recorded),
                    sent: .paymentReceived(sent)
                )
            )
            submissions[index].event = .paymentReceived(recorded)
        }
        return (submissions, relettered)
    }
}
