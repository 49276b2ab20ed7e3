import EncoursTestSupport
import Foundation
import Testing

/// Bad files are refused whole: every error is listed with `file:line`, nothing is appended.
@Suite("encours import: bad files")
struct ImportErrorTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try workspace.importHandLedger()
    }

    /// The figures of the good ledger, to show a refused file changed nothing.
    func expectLedgerUnchanged(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try workspace.eventRowCount() == 13, sourceLocation: sourceLocation)
        #expect(
            try workspace.json("exposure", asOf: HandLedger.asOf).stdout == HandLedgerFigures.exposure + "\n",
            sourceLocation: sourceLocation
        )
        #expect(
            try workspace.json("ageing", asOf: HandLedger.asOf).stdout == HandLedgerFigures.ageing + "\n",
            sourceLocation: sourceLocation
        )
    }

    @Test func everyUnreadableLineIsListed() throws {
        let lines = [
            #"{"type":"customer.registered","customer":"C9","legal_name":"Nine","on":"2026-03-01"}"#,
            #"{"type":"invoice.issued","customer":"C1","invoice":"FA-10","amount":"12,50","on":"2026-03-01"}"#,
            #"{"type":"invoice.issued","customer":"C1","invoice":"FA-11","amount":"10.00","on":"2026-02-30"}"#,
            #"{"type":"invoice.paid","customer":"C1","invoice":"FA-12","amount":"10.00","on":"2026-03-01"}"#,
            #"{"type":"invoice.issued","customer":"C1","amount":"10.00","on":"2026-03-01"}"#,
        ]
        let run = try workspace.importFiles([workspace.write("bad.ndjson", lines: lines)])
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                bad.ndjson:2: invoice.issued: field "amount": "12,50" is not a decimal number
                bad.ndjson:3: invoice.issued: field "on": "2026-02-30" is not a date (YYYY-MM-DD)
                bad.ndjson:4: field "type": unknown event type "invoice.paid"
                bad.ndjson:5: invoice.issued: field "invoice": required but missing
                nothing was imported

                """
        )
        try expectLedgerUnchanged()
    }

    @Test func everyEventTheLedgerRefusesIsListed() throws {
        let lines = [
            #"{"type":"customer.registered","customer":"C9","legal_name":"Nine","on":"2026-03-01"}"#,
            #"{"type":"payment.received","customer":"C1","payment":"PAY-9","amount":"10.00","on":"2026-03-02","allocations":[{"invoice":"FA-99","amount":"10.00"}]}"#,
            #"{"type":"invoice.issued","customer":"C9","invoice":"FA-90","amount":"10.00","on":"2026-03-02"}"#,
            #"{"type":"payment.received","customer":"C1","payment":"PAY-8","amount":"10.00","on":"2026-03-02","allocations":[{"invoice":"FA-3","amount":"10.00"}]}"#,
            // Dated before FA-1 was issued: the invoice does not exist yet on that date.
            #"{"type":"dispute.opened","invoice":"FA-1","dispute":"LIT-9","on":"2026-01-05"}"#,
        ]
        let run = try workspace.importFiles([workspace.write("refused.ndjson", lines: lines)])
        #expect(run.exitCode == 1)
        let reported = run.stderr.split(separator: "\n").map(String.init)
        #expect(reported.count == 4, "\(run)")
        let unknown =
            #"refused.ndjson:2: payment.received: field "allocations[0].invoice": invoice "FA-99" does not exist"#
        #expect(reported.first?.hasPrefix(unknown) ?? false, "\(run)")
        #expect(
            reported.contains(
                #"refused.ndjson:4: payment.received: field "allocations[0].invoice": invoice "FA-3" belongs to customer "C2", not "C1""#
            )
        )
        #expect(reported.contains { $0.hasPrefix("refused.ndjson:5: dispute.opened: ") && $0.contains("FA-1") })
        #expect(reported.last == "nothing was imported")
        try expectLedgerUnchanged()
    }

    /// Unreadable lines are reported first; the file is refused before any ledger check.
    @Test func aFileMixingBothKindsIsRefusedWithEveryUnreadableLine() throws {
        let lines = [
            #"{"type":"invoice.issued","customer":"C1","invoice":"FA-10","amount":"12,50","on":"2026-03-01"}"#,
            #"{"type":"payment.received","customer":"C1","payment":"PAY-9","amount":"10.00","on":"2026-03-02","allocations":[{"invoice":"FA-99","amount":"10.00"}]}"#,
            #"{"type":"note.logged","customer":"C1","on":"2026-03-01"}"#,
        ]
        let run = try workspace.importFiles([workspace.write("mixed.ndjson", lines: lines)])
        #expect(run.exitCode == 1)
        #expect(
            run.stderr.contains(#"mixed.ndjson:1: invoice.issued: field "amount": "12,50" is not a decimal number"#)
        )
        #expect(run.stderr.contains(#"mixed.ndjson:3: note.logged: field "text": required but missing"#))
        #expect(run.stderr.hasSuffix("nothing was imported\n"))
        try expectLedgerUnchanged()
    }

    @Test func errorsInSeveralFilesAreAllListedAndNeitherFileIsAppended() throws {
        let good = try workspace.write(
            "good.ndjson",
            lines: [#"{"type":"note.logged","customer":"C1","text":"ok","on":"2026-03-02"}"#]
        )
        let bad = try workspace.write(
            "bad.ndjson",
            lines: [#"{"type":"invoice.issued","customer":"C1","invoice":"FA-10","amount":1e3,"on":"2026-03-01"}"#]
        )
        let run = try workspace.importFiles([good, bad])
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("bad.ndjson:1: invoice.issued: field \"amount\": "))
        try expectLedgerUnchanged()
    }
}
