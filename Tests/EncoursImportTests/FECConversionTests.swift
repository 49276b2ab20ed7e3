import EncoursCore
import EncoursImport
import Testing

/// What each line on a customer account becomes, by journal and direction, and what is
/// skipped and why.
@Suite("FEC: invoices, credit notes, payments, customers")
struct FECConversionTests {
    static func customerLine(
        _ journal: String,
        _ number: String,
        _ date: String,
        debit: String = "0,00",
        credit: String = "0,00",
        customer: String = "C001",
        lettering: String = "",
        pieceDate: String? = nil,
        journalLabel: String? = nil
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
            lettering: lettering,
            pieceDate: pieceDate,
            journalLabel: journalLabel
        )
    }

    @Test func salesDebitsAreInvoicesSalesCreditsCreditNotesOtherCreditsPayments() {
        let text = FECFixture.text([
            Self.customerLine("VE", "1", "20230301", debit: "500,00"),
            Self.customerLine("VE", "2", "20230305", credit: "50,00"),
            Self.customerLine("BQ", "3", "20230320", credit: "200,00"),
            Self.customerLine("OD", "4", "20230321", credit: "0,01"),
        ])
        let result = FECFixture.read(text)
        #expect(result.errorReport == [])
        #expect(
            result.payloads == [
                #"2: {"type":"customer.registered","customer":"C001","legal_name":"ACME SAS","on":"2023-03-01"}"#,
                #"2: {"type":"invoice.issued","customer":"C001","invoice":"VE-20230301-1","amount":"500.00","on":"2023-03-01"}"#,
                #"3: {"type":"credit_note.issued","customer":"C001","credit_note":"VE-20230305-2","amount":"50.00","on":"2023-03-05"}"#,
                #"4: {"type":"payment.received","customer":"C001","payment":"BQ-20230320-3","amount":"200.00","on":"2023-03-20"}"#,
                #"5: {"type":"payment.received","customer":"C001","payment":"OD-20230321-4","amount":"0.01","on":"2023-03-21"}"#,
            ]
        )
    }

    /// A debit outside sales and opening journals is a refund, a rejected payment or an
    /// adjustment: no document of the ledger; a zero line is nothing.
    @Test func otherDebitsAndZeroLinesAreSkippedWithTheirReason() {
        let text = FECFixture.text([
            Self.customerLine("BQ", "1", "20230301", debit: "80,00"),
            Self.customerLine("VE", "2", "20230302", debit: "0,00"),
            FECFixture.line("VE", "2", "20230302", account: "4191", credit: "10,00"),
        ])
        let result = FECFixture.read(text)
        #expect(result.errorReport == [])
        #expect(result.events.isEmpty)
        #expect(
            result.skipped.map(\.description) == [
                "FEC.txt:2: skipped: a debit on a customer account in journal BQ, neither a sales nor an opening "
                    + "journal (a refund, a rejected payment or an adjustment)",
                "FEC.txt:3: skipped: zero amount",
                "FEC.txt:4: skipped: account 4191 is not a customer account (411*)",
            ]
        )
    }

    /// Sales journals are found by code (VE, VT, VEN, VTE) or by a label holding "vente";
    /// `salesJournals` replaces that rule.
    @Test func salesJournalsByCodeLabelOrOption() {
        let lines = [
            Self.customerLine("VT", "1", "20230301", debit: "10,00"),
            Self.customerLine("J1", "2", "20230301", debit: "20,00", journalLabel: "Journal des ventes"),
            Self.customerLine("FAC", "3", "20230301", debit: "30,00", journalLabel: "Facturation"),
        ]
        let detected = FECFixture.read(FECFixture.text(lines))
        #expect(detected.events.compactMap(\.invoiceID) == ["VT-20230301-1", "J1-20230301-2"])
        #expect(detected.skipped.map(\.line) == [4])

        let given = FECFixture.read(FECFixture.text(lines), options: FECOptions(salesJournals: ["fac", "VT"]))
        #expect(given.events.compactMap(\.invoiceID) == ["VT-20230301-1", "FAC-20230301-3"])
        #expect(given.skipped.map(\.line) == [3])
    }

    /// The opening journal carries open invoices (debits) and credits (credits) forward;
    /// an invoice is dated from PieceDate when that is earlier (the original invoice's date).
    @Test func openingBalances() {
        let text = FECFixture.text([
            Self.customerLine("AN", "1", "20230101", debit: "300,00", pieceDate: "20221115"),
            Self.customerLine("AN", "1", "20230101", debit: "40,00", customer: "C002"),
            Self.customerLine("AN", "1", "20230101", credit: "25,00", customer: "C003"),
        ])
        let result = FECFixture.read(text)
        #expect(result.errorReport == [])
        #expect(
            result.payloads == [
                #"2: {"type":"customer.registered","customer":"C001","legal_name":"ACME SAS","on":"2022-11-15"}"#,
                #"2: {"type":"invoice.issued","customer":"C001","invoice":"AN-20230101-1-1","amount":"300.00","on":"2022-11-15"}"#,
                #"3: {"type":"customer.registered","customer":"C002","legal_name":"ACME SAS","on":"2023-01-01"}"#,
                #"4: {"type":"customer.registered","customer":"C003","legal_name":"ACME SAS","on":"2023-01-01"}"#,
                #"3: {"type":"invoice.issued","customer":"C002","invoice":"AN-20230101-1-2","amount":"40.00","on":"2023-01-01"}"#,
                #"4: {"type":"payment.received","customer":"C003","payment":"AN-20230101-1-3","amount":"25.00","on":"2023-01-01"}"#,
            ]
        )
        let named = FECFixture.read(text, options: FECOptions(openingJournals: ["RN"]))
        #expect(named.events.map(\.event.type) == [.customerRegistered, .paymentReceived])
        #expect(named.skipped.map(\.line) == [2, 3])
    }

    /// Ids stay the same in a later, longer export: they depend on the entry alone.
    @Test func idsAreStableWhenTheFileGrows() {
        let january = [
            Self.customerLine("VE", "00000001", "20230109", debit: "74,70"),
            Self.customerLine("BQ", "00000007", "20230120", credit: "74,70"),
        ]
        let february =
            january + [
                Self.customerLine("VE", "00000002", "20230201", debit: "20,00"),
                Self.customerLine("BQ", "00000008", "20230215", credit: "10,00"),
                Self.customerLine("BQ", "00000008", "20230215", credit: "10,00", customer: "C002"),
            ]
        let first = FECFixture.read(FECFixture.text(january))
        let second = FECFixture.read(FECFixture.text(february))
        #expect(first.errorReport == [] && second.errorReport == [])
        #expect(Set(first.payloads).isSubset(of: Set(second.payloads)))
        #expect(
            second.events.compactMap(\.paymentID) == [
                "BQ-20230120-00000007", "BQ-20230215-00000008-1", "BQ-20230215-00000008-2",
            ]
        )
    }

    /// Customers the ledger knows are not registered again; terms are written when given.
    @Test func knownCustomersAndTerms() {
        let text = FECFixture.text([
            Self.customerLine("VE", "1", "20230301", debit: "10,00"),
            Self.customerLine("VE", "2", "20230302", debit: "10,00", customer: "C002"),
        ])
        let result = FECFixture.read(text, options: FECOptions(termsDays: 45), known: ["C001"])
        #expect(
            result.payloads.filter { $0.contains("customer.registered") } == [
                #"3: {"type":"customer.registered","customer":"C002","legal_name":"ACME SAS","terms_days":45,"on":"2023-03-02"}"#
            ]
        )
    }

    /// Without auxiliary accounts, each customer has its own 411… account: the account is
    /// the customer, its label the name.
    @Test func aCustomerAccountWithoutAuxiliaryAccount() {
        let line = FECFixture.line("VE", "1", "20230301", account: "411DUPONT", debit: "10,00")
        let result = FECFixture.read(FECFixture.text([line]))
        #expect(
            result.payloads.first
                == #"2: {"type":"customer.registered","customer":"411DUPONT","legal_name":"LIBELLE COMPTE","on":"2023-03-01"}"#
        )
    }

    /// Within a day the ledger sees invoices before payments, whatever the file order, so a
    /// same-day payment can be allocated to the invoice.
    @Test func eventsAreInLedgerOrder() {
        let text = FECFixture.text([
            Self.customerLine("BQ", "9", "20230310", credit: "10,00", lettering: "A"),
            Self.customerLine("VE", "2", "20230310", debit: "10,00", lettering: "A"),
            Self.customerLine("VE", "1", "20230301", debit: "5,00"),
        ])
        let result = FECFixture.read(text)
        #expect(result.events.map(\.line) == [2, 4, 3, 2])
        #expect(
            result.events.map(\.event.type) == [.customerRegistered, .invoiceIssued, .invoiceIssued, .paymentReceived]
        )
    }
}

extension ParsedEvent {
    var invoiceID: String? {
        if case .invoiceIssued(let issued) = event { issued.invoice.rawValue } else { nil }
    }

    var paymentID: String? {
        if case .paymentReceived(let payment) = event { payment.payment.rawValue } else { nil }
    }
}
