import EncoursCore
import EncoursTestSupport
import Testing

/// The JSON of DESIGN §6, byte for byte: scripts depend on it.
@Suite struct ReportJSONTests {
    let ledger: Ledger

    init() throws {
        ledger = try appendOneByOne([
            register("C2", on: "2026-01-01", limit: "1000.00"),
            register("C1", on: "2026-01-01"),
            register("C3", on: "2026-01-01", limit: "500.00"),
            invoice("A", "C2", "900.00", on: "2026-01-10"),
            .disputeOpened(DisputeOpened(invoice: "A", dispute: "D1", amount: eur("100"), on: day("2026-01-12"))),
            payment("P", "C1", "20", on: "2026-01-15"),
        ])
    }

    @Test func ageing() {
        #expect(
            ledger.ageing(asOf: day("2026-02-20")).json
                == #"{"as_of":"2026-02-20","currency":"EUR","customers":["#
                + #"{"customer":"C1","not_due":"0.00","1_30":"0.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"0.00","unapplied":"-20.00","total":"-20.00"},"#
                + #"{"customer":"C2","not_due":"0.00","1_30":"900.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"100.00","unapplied":"0.00","total":"900.00"}],"#
                + #""total":{"not_due":"0.00","1_30":"900.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"100.00","unapplied":"-20.00","total":"880.00"}}"#
        )
    }

    @Test func exposure() {
        #expect(
            ledger.exposure(asOf: day("2026-02-20")).json
                == #"{"as_of":"2026-02-20","customers":["#
                + #"{"customer":"C1","order_book":"0.00","receivables":"-20.00","exposure":"-20.00","limit":null,"headroom":null,"status":"no_limit"},"#
                + #"{"customer":"C2","order_book":"0.00","receivables":"900.00","exposure":"900.00","limit":"1000.00","headroom":"100.00","status":"warning"},"#
                + #"{"customer":"C3","order_book":"0.00","receivables":"0.00","exposure":"0.00","limit":"500.00","headroom":"500.00","status":"ok"}]}"#
        )
    }

    @Test func dso() {
        // Ledger: R 880 over January's 900 of sales; 20 days of February, then 31 × 880 / 900 = 30.31 → 50.3.
        #expect(
            ledger.dso(asOf: day("2026-02-20")).json
                == #"{"as_of":"2026-02-20","method":"countback","dso":50.3,"customers":["#
                + #"{"customer":"C1","dso":null},{"customer":"C2","dso":51.0},{"customer":"C3","dso":null}]}"#
        )
    }

    @Test func escapesStrings() {
        var text = ""
        JSONWriter.appendQuoted("a\"b\\c\nd\u{1}é", to: &text)
        #expect(text == #""a\"b\\c\nd\u0001é""#)
    }

    @Test(arguments: [
        ("FA-2026-0042", #""FA-2026-0042""#),
        ("Électricité Générale", #""Électricité Générale""#),
        ("line\r\nnext", #""line\r\nnext""#),
        ("\r\n", #""\r\n""#),
        ("tab\tend\u{1F}", #""tab\tend\u001f""#),
        ("", #""""#),
    ])
    func quotesWholeOrEscapedLikeRFC8259(value: String, expected: String) {
        var text = "["
        JSONWriter.appendQuoted(value, to: &text)
        #expect(text == "[" + expected)
    }
}

@Suite struct ReportTableTests {
    @Test func textAlignsColumnsAndEndsWithTotals() {
        let table = ReportTable(
            headers: ["customer", "total"],
            alignments: [.left, .right],
            rows: [["C1", "5.00"], ["LONGER", "1234.50"]],
            totals: ["TOTAL", "1239.50"]
        )
        #expect(
            table.text == """
                customer    total
                --------  -------
                C1           5.00
                LONGER    1234.50
                --------  -------
                TOTAL     1239.50

                """
        )
    }

    @Test func csvQuotesWhatNeedsQuotingAndLeavesTotalsOut() {
        let table = ReportTable(
            headers: ["customer", "total"],
            alignments: [.left, .right],
            rows: [["Dupont, \"fils\"", "5.00"]],
            totals: ["TOTAL", "5.00"]
        )
        #expect(table.csv == "customer,total\r\n\"Dupont, \"\"fils\"\"\",5.00\r\n")
    }
}
