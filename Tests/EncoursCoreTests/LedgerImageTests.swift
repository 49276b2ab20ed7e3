import EncoursCore
import EncoursTestSupport
import Testing

/// `LedgerImage` and `Ledger(restoringEntries:accounts:owners:)`: the applied state written
/// and read back without applying an event, equal to the ledger it was taken from; damaged
/// parts refused, never a crash; `LedgerReplay(continuing:)` ends where a full replay does.
@Suite("Ledger image")
struct LedgerImageTests {
    /// Every kind of state an account holds: profile updates, limit decisions (temporary,
    /// with a reason), blocking, an order invoiced and one cancelled, disputes resolved and
    /// open, a promise, reminders, notes, unapplied credit, a partly settled queue.
    static let events: [Event] = [
        register("C1", on: "2026-01-01", terms: 30, limit: "10000", policy: .block),
        register("C2", on: "2026-01-02"),
        .customerUpdated(
            CustomerUpdated(
                customer: "C2",
                profile: CustomerProfile(
                    tradeName: "Deux",
                    siren: "123456789",
                    salesRep: "REP1",
                    termsDays: 45,
                    insurer: "Assureur",
                    insurerCover: eur("8000")
                ),
                on: day("2026-01-03")
            )
        ),
        .orderPlaced(OrderPlaced(customer: "C1", order: "CMD-1", amount: eur("3000"), on: day("2026-01-04"))),
        .orderPlaced(OrderPlaced(customer: "C1", order: "CMD-2", amount: eur("700"), on: day("2026-01-04"))),
        .orderCancelled(OrderCancelled(order: "CMD-2", on: day("2026-01-05"))),
        invoice("FA-1", "C1", "1000.00", on: "2026-01-10", order: "CMD-1"),
        invoice("FA-2", "C1", "500.00", on: "2026-01-11", due: "2026-01-20"),
        invoice("FA-3", "C2", "1200.00", on: "2026-01-12"),
        invoice("FA-4", "C2", "300.00", on: "2026-01-13"),
        .creditLimitSet(
            CreditLimitSet(
                customer: "C1",
                limit: eur("15000"),
                until: day("2026-03-31"),
                reason: "Saison",
                on: day("2026-01-15")
            )
        ),
        .disputeOpened(
            DisputeOpened(invoice: "FA-2", dispute: "LIT-1", amount: eur("200"), reason: "abîmé", on: day("2026-01-16"))
        ),
        .disputeOpened(DisputeOpened(invoice: "FA-3", dispute: "LIT-2", on: day("2026-01-17"))),
        .disputeResolved(DisputeResolved(dispute: "LIT-2", outcome: .rejected, on: day("2026-01-25"))),
        payment("PAY-1", "C1", "1800.00", on: "2026-01-26"),
        payment("PAY-2", "C2", "100.00", on: "2026-01-27", allocations: [("FA-4", "100.00")]),
        .creditNoteIssued(
            CreditNoteIssued(customer: "C2", creditNote: "AV-1", amount: eur("50"), on: day("2026-01-28"))
        ),
        .promiseMade(
            PromiseMade(
                customer: "C2",
                promise: "PRO-1",
                amount: eur("500"),
                dueOn: day("2026-02-15"),
                invoices: ["FA-3"],
                on: day("2026-02-01")
            )
        ),
        .reminderSent(
            ReminderSent(
                customer: "C2",
                level: "relance 1",
                channel: "email",
                invoices: ["FA-3"],
                on: day("2026-02-02")
            )
        ),
        .noteLogged(NoteLogged(customer: "C2", text: "rappeler", tags: ["suivi"], on: day("2026-02-03"))),
        .customerBlocked(CustomerBlockChange(customer: "C2", reason: "impayés", on: day("2026-02-04"))),
        register("C3", on: "2026-02-05"),
        .creditApplied(CreditApplied(customer: "C1", invoice: "FA-1", amount: eur("40"), on: day("2026-02-06"))),
        // After C2's promise: kept for the promise figures.
        payment("PAY-5", "C2", "20.00", on: "2026-02-07"),
        // Backdated: C1's timeline runs again.
        invoice("FA-5", "C1", "250.00", on: "2026-01-09"),
    ]

    /// The ledger's image, cut into two accounts parts and the owners, read back.
    static func restored(_ ledger: Ledger) throws -> Ledger {
        let middle = ledger.accounts.count / 2
        var accounts: [CustomerAccount] = []
        for range in [0..<middle, middle..<ledger.accounts.count] {
            let part = LedgerImage.encodeAccounts(of: ledger, in: range)
            accounts += try part.withUnsafeBytes { bytes in
                Result { () throws(LedgerImageError) in try LedgerImage.decodeAccounts(bytes) }
            }.get()
        }
        let owners = try LedgerImage.encodeOwners(of: ledger).withUnsafeBytes { bytes in
            Result { () throws(LedgerImageError) in try LedgerImage.decodeOwners(bytes) }
        }.get()
        return try Ledger(restoringEntries: ledger.entries, accounts: accounts, owners: owners)
    }

    static func decodeAccounts(_ bytes: [UInt8]) -> Result<[CustomerAccount], LedgerImageError> {
        bytes.withUnsafeBytes { bytes in
            Result { () throws(LedgerImageError) in try LedgerImage.decodeAccounts(bytes) }
        }
    }

    @Test func theImageRestoresAnEqualLedger() throws {
        let ledger = try appendOneByOne(Self.events)
        let restored = try Self.restored(ledger)
        let same = restored == ledger
        #expect(same, "the restored ledger differs from the original")
        #expect(restored.lastSequence == Int64(Self.events.count))
        // Past dates rerun timelines from the restored entries.
        for date in ["2026-01-10", "2026-01-20", "2026-02-05", "2026-06-30"].map(day) {
            #expect(restored.exposure(asOf: date).json == ledger.exposure(asOf: date).json)
            #expect(restored.ageing(asOf: date).json == ledger.ageing(asOf: date).json)
            #expect(restored.dso(asOf: date).json == ledger.dso(asOf: date).json)
            #expect(restored.dunningWorklist(on: date).json == ledger.dunningWorklist(on: date).json)
            #expect(restored.promises(asOf: date).json == ledger.promises(asOf: date).json)
        }
    }

    @Test func aRestoredLedgerChecksAndCommitsAsTheOriginalDoes() throws {
        var original = try appendOneByOne(Self.events)
        var restored = try Self.restored(original)
        // A dispute naming only an invoice finds its customer through the restored owners;
        // a payment dated earlier reruns its timeline.
        let more: [Event] = [
            .disputeOpened(DisputeOpened(invoice: "FA-1", dispute: "LIT-3", on: day("2026-02-10"))),
            payment("PAY-3", "C2", "10.00", on: "2026-01-14"),
        ]
        guard case .success(let originalBatch) = original.prepare(more),
            case .success(let restoredBatch) = restored.prepare(more)
        else {
            Issue.record("the batch was refused")
            return
        }
        #expect(restoredBatch.streams == ["C1", "C2"])
        original.commit(originalBatch)
        restored.commit(restoredBatch)
        #expect(restored == original)
        // And a reference to another customer's document is named as such.
        let foreign = payment("PAY-4", "C2", "5", on: "2026-03-01", allocations: [("FA-1", "5")])
        guard case .failure(let rejection) = restored.prepare([foreign]) else {
            Issue.record("a payment on another customer's invoice was accepted")
            return
        }
        #expect(rejection.items.map(\.violation.code) == [.documentOfAnotherCustomer])
    }

    @Test func continuingAReplayEndsWhereAFullReplayDoes() throws {
        let full = try replayed(Self.events)
        var streams: [Int64: CustomerID] = [:]
        for account in full.accounts {
            for entry in full.entries(of: account) { streams[entry.sequence] = account.customer }
        }
        // Cuts before the backdated invoice, which then reruns C1's restored timeline, and
        // after it.
        for cut in [0, 5, 20, Self.events.count - 1, Self.events.count] {
            let head = try replayed(Array(Self.events.prefix(cut)))
            var replay = LedgerReplay(continuing: head)
            for entry in full.entries.dropFirst(cut) {
                replay.add(sequence: entry.sequence, stream: streams[entry.sequence]!, event: entry.event)
            }
            let continued = try replay.finish()
            let same = continued == full
            #expect(same, "continuing after \(cut) entries differs from a full replay")
        }
    }

    @Test func everyTruncationOfAnAccountsPartIsRefused() throws {
        let ledger = try appendOneByOne(Self.events)
        let part = LedgerImage.encodeAccounts(of: ledger, in: ledger.accounts.indices)
        for count in 0..<part.count {
            guard case .failure = Self.decodeAccounts(Array(part.prefix(count))) else {
                Issue.record("a part cut to \(count) of \(part.count) bytes was read")
                return
            }
        }
        #expect(throws: LedgerImageError.self) { try Self.decodeAccounts(part + [0]).get() }
    }

    /// Damage is the checksum's to catch, but it must not crash the decoders either: every
    /// byte flipped gives an error or a ledger whose indices all point somewhere.
    @Test func aDamagedPartIsRefusedOrReadButNeverCrashes() throws {
        let ledger = try appendOneByOne(Self.events)
        let part = LedgerImage.encodeAccounts(of: ledger, in: ledger.accounts.indices)
        let owners = ledger.owners
        var refused = 0
        var read = 0
        for offset in part.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = part
                damaged[offset] ^= mask
                guard case .success(let accounts) = Self.decodeAccounts(damaged),
                    let restored = try? Ledger(restoringEntries: ledger.entries, accounts: accounts, owners: owners)
                else {
                    refused += 1
                    continue
                }
                read += 1
                for account in restored.accounts {
                    _ = restored.entries(of: account)
                    for invoice in account.state.invoices { _ = account.state.disputedAmount(of: invoice) }
                }
            }
        }
        // Most flips break the structure; some only change a value (a day, a letter).
        #expect(refused > part.count)
        #expect(read > 0)
    }

    @Test func partsThatDoNotFitTogetherAreRefused() throws {
        let ledger = try appendOneByOne(Self.events)
        let accounts = ledger.accounts
        let owners = ledger.owners
        // An entry no account holds.
        #expect(throws: LedgerImageError.self) {
            try Ledger(restoringEntries: ledger.entries + [ledger.entries[0]], accounts: accounts, owners: owners)
        }
        // Positions beyond the entries.
        #expect(throws: LedgerImageError.self) {
            try Ledger(restoringEntries: Array(ledger.entries.dropLast()), accounts: accounts, owners: owners)
        }
        // One customer twice.
        #expect(throws: LedgerImageError.self) {
            try Ledger(restoringEntries: ledger.entries, accounts: accounts + [accounts[0]], owners: owners)
        }
        // Sequences out of order.
        var shuffled = ledger.entries
        shuffled.swapAt(0, 1)
        #expect(throws: LedgerImageError.self) {
            try Ledger(restoringEntries: shuffled, accounts: accounts, owners: owners)
        }
    }
}
