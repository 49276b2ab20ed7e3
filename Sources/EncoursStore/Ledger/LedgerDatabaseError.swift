import EncoursCore

/// Why the ledger database could not open, replay or append: the log's own errors, and the
/// refusals of a batch (key conflicts, ledger violations), each naming the events at fault.
public enum LedgerDatabaseError: Error, Sendable, CustomStringConvertible {
    /// Events reuse keys of different events. `index` is the position in the submitted
    /// batch. Nothing was appended.
    case conflicts([KeyConflict])
    /// Events break the ledger's rules (DESIGN §5). Nothing was appended.
    case rejected([Rejection])
    /// Orders the credit decision refuses and nobody overrode (docs/definitions.md,
    /// "Placing orders"); `index` is the position in the submitted batch. Nothing was
    /// appended.
    case ordersRefused([ScreenedOrder])
    /// The log failed or refused.
    case log(EventLogError)
    /// A recorded row's record does not decode: the file was altered or damaged.
    case undecodableRecord(seq: Int64, EventRecordError)
    /// The recorded log does not replay under the ledger's rules.
    case unreplayable(LedgerReplayError)

    /// A key already held by another event with different content.
    public struct KeyConflict: Sendable, Hashable, CustomStringConvertible {
        public var index: Int
        public var key: String
        public var holder: EventLogError.KeyHolder
        /// The event holding the key (recorded, or earlier in the batch), to say field by
        /// field what differs; `nil` only if a recorded row no longer decodes.
        public var holderEvent: Event?

        public init(index: Int, key: String, holder: EventLogError.KeyHolder, holderEvent: Event?) {
            self.index = index
            self.key = key
            self.holder = holder
            self.holderEvent = holderEvent
        }

        public var description: String {
            switch holder {
            case .logged(let seq):
                "conflict: key \"\(key)\" is already recorded (seq \(seq)) with different content"
            case .batch(let index):
                "conflict: key \"\(key)\" is already used by event \(index + 1) of this batch with different content"
            }
        }
    }

    /// A ledger violation, tied to the submitted event at fault (`index`), or to a recorded
    /// event the batch would invalidate (`index` nil).
    public struct Rejection: Sendable, Hashable {
        public var index: Int?
        public var violation: LedgerViolation
    }

    public var code: String {
        switch self {
        case .conflicts: "conflict"
        case .rejected: "rejected"
        case .ordersRefused: "order_refused"
        case .log(let error): error.code
        case .undecodableRecord: "corrupt"
        case .unreplayable: "unreplayable"
        }
    }

    public var description: String {
        switch self {
        case .conflicts(let conflicts): conflicts.map(\.description).joined(separator: "\n")
        case .rejected(let items): items.map { "\($0.violation)" }.joined(separator: "\n")
        case .ordersRefused(let orders):
            orders.map { "order \"\($0.order)\" of customer \"\($0.decision.customer)\" is refused" }
                .joined(separator: "\n")
        case .log(let error): error.message
        case .undecodableRecord(let seq, let error): "recorded event seq \(seq) does not decode: \(error.message)"
        case .unreplayable(let error): error.description
        }
    }
}
