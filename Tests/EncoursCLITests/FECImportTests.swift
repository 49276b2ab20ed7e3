import EncoursTestSupport
import Foundation
import Testing

/// `encours import --format fec` as an operator runs it: a small FEC written by hand, its
/// figures read back with `encours exposure`.
@Suite("encours import --format fec")
struct FECImportTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    /// ACME (C001) is invoiced 1,200.00 (lettered AA with its payment) and 600.00; BETA
    /// (C002) owes 300.00 carried forward, gets a 50.00 credit note, and a 10.00 debit in
    /// journal OD that is no invoice. Six lines on other accounts (four accounts).
    static let lines = [
        "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise|",
        "AN  |A NOUVEAUX|00000001|20260101|41100000|CLIENTS |C002    |BETA SARL   |AN1 |20260101|REPORT   |0000000300,00|0000000000,00|  |        |20260131|||",
        "VE  |VENTES    |00000001|20260105|41100000|CLIENTS |C001    |ACME SAS    |F001|20260105|FACTURE  |0000001200,00|0000000000,00|AA|20260204|20260131|||",
        "VE  |VENTES    |00000001|20260105|70600000|VENTES  |        |            |F001|20260105|FACTURE  |0000000000,00|0000001000,00|  |        |20260131|||",
        "VE  |VENTES    |00000001|20260105|44571000|TVA     |        |            |F001|20260105|FACTURE  |0000000000,00|0000000200,00|  |        |20260131|||",
        "VE  |VENTES    |00000002|20260110|41100000|CLIENTS |C002    |BETA SARL   |A001|20260110|AVOIR    |0000000000,00|0000000050,00|  |        |20260131|||",
        "VE  |VENTES    |00000002|20260110|70600000|VENTES  |        |            |A001|20260110|AVOIR    |0000000050,00|0000000000,00|  |        |20260131|||",
        "OD  |DIVERS    |00000003|20260115|41100000|CLIENTS |C002    |BETA SARL   |OD1 |20260115|FRAIS    |0000000010,00|0000000000,00|  |        |20260131|||",
        "OD  |DIVERS    |00000003|20260115|70800000|FRAIS   |        |            |OD1 |20260115|FRAIS    |0000000000,00|0000000010,00|  |        |20260131|||",
        "VE  |VENTES    |00000004|20260120|41100000|CLIENTS |C001    |ACME SAS    |F002|20260120|FACTURE  |0000000600,00|0000000000,00|  |        |20260131|||",
        "VE  |VENTES    |00000004|20260120|70600000|VENTES  |        |            |F002|20260120|FACTURE  |0000000000,00|0000000600,00|  |        |20260131|||",
        "BQ  |BANQUE    |00000005|20260204|51200000|BANQUE  |        |            |BQ1 |20260204|VIREMENT |0000001200,00|0000000000,00|  |        |20260228|||",
        "BQ  |BANQUE    |00000005|20260204|41100000|CLIENTS |C001    |ACME SAS    |BQ1 |20260204|VIREMENT |0000000000,00|0000001200,00|AA|20260204|20260228|||",
    ]

    static let exposure = """
        {"as_of":"2026-03-31","customers":[\
        {"customer":"C001","order_book":"0.00","receivables":"600.00","exposure":"600.00","limit":null,"headroom":null,"status":"no_limit"},\
        {"customer":"C002","order_book":"0.00","receivables":"250.00","exposure":"250.00","limit":null,"headroom":null,"status":"no_limit"}]}
        """

    static let skippedSummary = """
        FEC.txt: 7 lines skipped, by reason:
          6  not a customer account (411*) (4 variants; --show-skipped lists each line)
          1  a debit on a customer account outside sales and opening journals

        """

    func importFEC(_ extra: [String] = [], lines: [String] = Self.lines) throws -> EncoursRun {
        try workspace.encours(
            ["import", "--db", workspace.db, "--format", "fec"] + extra + [workspace.write("FEC.txt", lines: lines)]
        )
    }

    @Test func importsCustomersInvoicesCreditNotesAndPayments() throws {
        let run = try importFEC()
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 7 events, 0 duplicates skipped (") == true
        )
        #expect(run.stderr == Self.skippedSummary)
        #expect(try workspace.eventRowCount() == 7)
        #expect(try workspace.json("exposure", asOf: "2026-03-31").stdout == Self.exposure + "\n")
    }

    /// Yesterday's FEC again, grown by one day: what was recorded is a duplicate.
    @Test func importingTheGrownFileAgainAppendsOnlyWhatIsNew() throws {
        try importFEC(lines: Array(Self.lines.dropLast(2))).expectSuccess()
        let again = try importFEC()
        #expect(again.exitCode == 0, "\(again)")
        #expect(
            again.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 1 events, 4 duplicates skipped (") == true
        )
        let third = try importFEC()
        #expect(
            third.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 0 events, 5 duplicates skipped (") == true
        )
        #expect(try workspace.eventRowCount() == 7)
        #expect(try workspace.json("exposure", asOf: "2026-03-31").stdout == Self.exposure + "\n")
    }

    /// The payment was exported before the accountant lettered it, then again lettered: the
    /// recorded payment stands, the lettering not applied is reported, and nothing conflicts.
    @Test func aPaymentLetteredAfterItWasRecordedKeepsItsRecordedLettering() throws {
        let unlettered = Self.lines.map { $0.replacingOccurrences(of: "|AA|20260204|", with: "|  |        |") }
        try importFEC(lines: unlettered).expectSuccess()
        let again = try importFEC()
        #expect(again.exitCode == 0, "\(again)")
        #expect(
            again.stdout.contains(
                """
                FEC.txt:13: payment.received: lettering differs from the payment recorded (seq 7); the recorded payment stands
                  allocations: recorded (absent), new [{"invoice":"VE-20260105-00000001","amount":"1200.00"}]

                """
            ),
            "\(again)"
        )
        #expect(
            again.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 0 events, 5 duplicates skipped (") == true
        )
        #expect(try workspace.eventRowCount() == 7)
        #expect(try workspace.json("exposure", asOf: "2026-03-31").stdout == Self.exposure + "\n")
    }

    @Test func aBadAmountNamesFileLineColumnAndValueAndNothingIsAppended() throws {
        var lines = Self.lines
        lines[9] = lines[9].replacingOccurrences(of: "0000000600,00|0000000000,00", with: "0000000600,0O|0000000000,00")
        let run = try importFEC(lines: lines)
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                FEC.txt:10: column "Debit": "0000000600,0O" is not a decimal number
                nothing was imported

                """
        )
        #expect(run.stdoutLine(startingWith: "imported ") == nil)
        #expect(try workspace.eventRowCount() == 0)
    }

    @Test func showSkippedListsEveryLine() throws {
        let run = try importFEC(["--show-skipped"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stderr == """
                FEC.txt:4: skipped: account 70600000 is not a customer account (411*)
                FEC.txt:5: skipped: account 44571000 is not a customer account (411*)
                FEC.txt:7: skipped: account 70600000 is not a customer account (411*)
                FEC.txt:8: skipped: a debit on a customer account in journal OD, neither a sales nor an opening journal (a refund, a rejected payment or an adjustment)
                FEC.txt:9: skipped: account 70800000 is not a customer account (411*)
                FEC.txt:11: skipped: account 70600000 is not a customer account (411*)
                FEC.txt:12: skipped: account 51200000 is not a customer account (411*)

                """ + Self.skippedSummary
        )
    }

    /// The name the tax office's rules give an FEC says what it is: no --format needed.
    @Test func anFECUnderItsLegalNameNeedsNoFormat() throws {
        let file = try workspace.write("123456789FEC20260131.txt", lines: Self.lines)
        let run = try workspace.encours(["import", "--db", workspace.db, file])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 7 events,") == true)
        #expect(try workspace.eventRowCount() == 7)
    }

    @Test func filesNamedInDifferentFormatsNeedFormat() throws {
        let fec = try workspace.write("123456789FEC20260131.txt", lines: Self.lines)
        let csv = try workspace.write("ventes.csv", lines: ["a;b"])
        let run = try workspace.encours(["import", "--db", workspace.db, fec, csv])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("is named as fec and \(csv) as csv: import them separately, or give --format"))
        let unnamed = try workspace.write("export.txt", lines: ["x"])
        let mixed = try workspace.encours(["import", "--db", workspace.db, fec, unnamed])
        #expect(mixed.exitCode == 2)
        #expect(mixed.stderr.contains("but \(unnamed) says no format: give --format"))
        #expect(!FileManager.default.fileExists(atPath: workspace.db))
    }

    @Test func fecOptionsNeedTheFECFormat() throws {
        let run = try workspace.encours(["import", "--db", workspace.db, "--sales-journal", "VT", "events.ndjson"])
        #expect(run.exitCode == 2)
        #expect(
            run.stderr.contains(
                "--sales-journal, --opening-journal, --terms-days and --ignore-lettering are read only with --format fec"
            )
        )
        let listing = try workspace.encours(["import", "--db", workspace.db, "--show-skipped", "events.ndjson"])
        #expect(listing.exitCode == 2)
        #expect(listing.stderr.contains("--show-skipped is read only with --format csv or fec"))
    }
}
