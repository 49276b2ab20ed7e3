import EncoursTestSupport
import Foundation
import Testing

/// Events take effect by business date whatever order they arrived in (DESIGN §5): the
/// printed JSON is byte for byte the same.
@Suite("encours: figures do not depend on arrival order")
struct ArrivalOrderTests {
    static let dates = ["2026-01-31", HandLedger.earlier, "2026-03-15", HandLedger.asOf]

    /// Every JSON report, on several dates, as the CLI prints it.
    func reports(_ workspace: Workspace) throws -> [String] {
        var printed: [String] = []
        for date in Self.dates {
            printed.append(try workspace.json("exposure", asOf: date).stdout)
            printed.append(try workspace.json("ageing", asOf: date).stdout)
            printed.append(try workspace.json("dso", asOf: date).stdout)
            printed.append(try workspace.json("dso", asOf: date, ["--method", "simple"]).stdout)
        }
        return printed
    }

    func dateOrdered() throws -> [String] {
        let workspace = try Workspace()
        try workspace.importHandLedger()
        let printed = try reports(workspace)
        #expect(printed[12] == HandLedgerFigures.exposure + "\n")
        #expect(printed[13] == HandLedgerFigures.ageing + "\n")
        return printed
    }

    @Test func paymentsImportedLaterAreBackdated() throws {
        let late = try Workspace()
        try late.importFiles([late.write("invoices.ndjson", lines: HandLedger.withoutPayments)]).expectSuccess()
        // Before the payments arrive, C2 owes both invoices: FA-3 and FA-4.
        #expect(
            try late.json("ageing", asOf: HandLedger.asOf, ["--customer", "C2"]).stdout.contains(#""total":"2000.00""#)
        )
        try late.importFiles([late.write("payments.ndjson", lines: HandLedger.payments)]).expectSuccess()
        // PAY-2 (03-10, no allocations) settles FA-3 only: FA-4 was recorded before it arrived
        // but is dated 03-20, after it.
        #expect(try reports(late) == dateOrdered())
    }

    /// Every line after the ones it depends on by date, but not in the file: the dispute
    /// names only its invoice, FA-2, which comes later in the file and earlier in time.
    @Test func oneFileInReverseOrderGivesTheSameFigures() throws {
        let reversed = try Workspace()
        let run = try reversed.importFiles([reversed.write("reversed.ndjson", lines: HandLedger.lines.reversed())])
        #expect(run.exitCode == 0, "\(run)")
        guard run.exitCode == 0 else { return }
        #expect(try reports(reversed) == dateOrdered())
    }

    @Test func oneFileInReverseOrderNamingEveryCustomerGivesTheSameFigures() throws {
        let reversed = try Workspace()
        let lines = HandLedger.lines.reversed().map {
            $0.replacingOccurrences(
                of: #""type":"dispute.opened","#,
                with: #""type":"dispute.opened","customer":"C1","#
            )
        }
        try reversed.importFiles([reversed.write("reversed.ndjson", lines: lines)]).expectSuccess()
        #expect(try reports(reversed) == dateOrdered())
    }

    /// One import per event, each dated before the previous one where the references allow.
    @Test func oneEventPerImportBackdatedGivesTheSameFigures() throws {
        let trickled = try Workspace()
        let order: [[String]] = [
            [HandLedger.registerC1, HandLedger.registerC2, HandLedger.registerC3],
            [HandLedger.orderCMD1, HandLedger.invoiceFA5],
            [HandLedger.invoiceFA4], [HandLedger.invoiceFA3], [HandLedger.limitC1], [HandLedger.invoiceFA2],
            [HandLedger.invoiceFA1], [HandLedger.paymentPAY2], [HandLedger.paymentPAY1], [HandLedger.disputeLIT1],
        ]
        #expect(Set(order.joined()) == Set(HandLedger.lines))
        for (number, lines) in order.enumerated() {
            try trickled.importFiles([trickled.write("part\(number).ndjson", lines: lines)]).expectSuccess()
        }
        #expect(try trickled.eventRowCount() == 13)
        #expect(try reports(trickled) == dateOrdered())
    }
}
