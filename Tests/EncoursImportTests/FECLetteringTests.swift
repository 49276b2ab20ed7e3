import EncoursCore
import EncoursImport
import Testing

/// Lettering (`EcritureLet`) becomes allocations: each payment of a group settles the
/// group's invoices oldest first, a credit note offsets the invoice it matches.
@Suite("FEC: lettering")
struct FECLetteringTests {
    static func line(
        _ journal: String,
        _ number: String,
        _ date: String,
        debit: String = "0,00",
        credit: String = "0,00",
        lettering: String = "",
        customer: String = "C001"
    ) -> [String] {
        FECFixture.line(
            journal,
            number,
            date,
            account: "41100000",
            customer: customer,
            name: "ACME SAS",
            debit: debit,
            credit: credit,
            lettering: lettering
        )
    }

    static func allocations(_ result: EventReadResult) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for parsed in result.events {
            guard case .paymentReceived(let payment) = parsed.event else { continue }
            found[payment.payment.rawValue] = payment.allocations.map { "\($0.invoice.rawValue)=\($0.amount)" }
        }
        return found
    }

    /// Two invoices and two payments in one group: 100 + 50 against 120 then 30.
    @Test func paymentsSettleTheGroupsInvoicesOldestFirst() {
        let text = FECFixture.text([
            Self.line("VE", "2", "20230305", debit: "50,00", lettering: "AB"),
            Self.line("VE", "1", "20230301", debit: "100,00", lettering: "AB"),
            Self.line("BQ", "3", "20230401", credit: "120,00", lettering: "AB"),
            Self.line("BQ", "4", "20230402", credit: "30,00", lettering: "AB"),
        ])
        let result = FECFixture.read(text)
        #expect(result.errorReport == [])
        #expect(
            Self.allocations(result) == [
                "BQ-20230401-3": ["VE-20230301-1=100.00", "VE-20230305-2=20.00"],
                "BQ-20230402-4": ["VE-20230305-2=30.00"],
            ]
        )
    }

    /// Groups are per customer and per letter; unlettered payments get no allocations (the
    /// ledger settles the oldest open invoices), nor does any payment when lettering is off.
    @Test func groupsArePerCustomerAndLetter() {
        let lines = [
            Self.line("VE", "1", "20230301", debit: "100,00", lettering: "AA"),
            Self.line("VE", "2", "20230302", debit: "70,00", lettering: "AB"),
            Self.line("VE", "3", "20230303", debit: "40,00", lettering: "AA", customer: "C002"),
            Self.line("BQ", "4", "20230401", credit: "70,00", lettering: "AB"),
            Self.line("BQ", "5", "20230402", credit: "40,00", lettering: "AA", customer: "C002"),
            Self.line("BQ", "6", "20230403", credit: "100,00"),
        ]
        let result = FECFixture.read(FECFixture.text(lines))
        #expect(
            Self.allocations(result) == [
                "BQ-20230401-4": ["VE-20230302-2=70.00"],
                "BQ-20230402-5": ["VE-20230303-3=40.00"],
                "BQ-20230403-6": [],
            ]
        )
        let unlettered = FECFixture.read(FECFixture.text(lines), options: FECOptions(usesLettering: false))
        #expect(Self.allocations(unlettered).values.allSatisfy { $0.isEmpty })
    }

    /// A payment dated before an invoice of its group cannot settle it (the ledger knows no
    /// such invoice yet); a payment larger than the group's invoices keeps the rest unallocated.
    @Test func neverLaterInvoicesNorMoreThanRemains() {
        let text = FECFixture.text([
            Self.line("BQ", "1", "20230301", credit: "60,00", lettering: "AA"),
            Self.line("VE", "2", "20230305", debit: "100,00", lettering: "AA"),
            Self.line("BQ", "3", "20230310", credit: "40,01", lettering: "AA"),
        ])
        let result = FECFixture.read(text)
        #expect(Self.allocations(result) == ["BQ-20230301-1": [], "BQ-20230310-3": ["VE-20230305-2=40.01"]])

        let overpaid = FECFixture.read(
            FECFixture.text([
                Self.line("VE", "1", "20230301", debit: "560,31", lettering: "AA"),
                Self.line("BQ", "2", "20230310", credit: "560,32", lettering: "AA"),
            ])
        )
        #expect(Self.allocations(overpaid) == ["BQ-20230310-2": ["VE-20230301-1=560.31"]])
    }

    /// A credit note offsets the oldest invoice of its group with that remaining amount,
    /// else the oldest that covers it whole, else none.
    @Test func creditNotesOffsetTheInvoiceTheyMatch() {
        let text = FECFixture.text([
            Self.line("VE", "1", "20230301", debit: "1008,86", lettering: "AB"),
            Self.line("VE", "2", "20230302", debit: "74,06", lettering: "AB"),
            Self.line("VE", "3", "20230303", credit: "74,06", lettering: "AB"),
            Self.line("VE", "4", "20230304", credit: "102,59", lettering: "AB"),
            Self.line("VE", "5", "20230305", credit: "5000,00", lettering: "AB"),
            Self.line("BQ", "6", "20230401", credit: "906,27", lettering: "AB"),
        ])
        let result = FECFixture.read(text)
        #expect(result.errorReport == [])
        let targets = result.events.compactMap { parsed -> String? in
            guard case .creditNoteIssued(let note) = parsed.event else { return nil }
            return "\(note.creditNote.rawValue)->\(note.invoice?.rawValue ?? "none")"
        }
        #expect(targets == ["VE-20230303-3->VE-20230302-2", "VE-20230304-4->VE-20230301-1", "VE-20230305-5->none"])
        #expect(Self.allocations(result) == ["BQ-20230401-6": ["VE-20230301-1=906.27"]])
    }
}
