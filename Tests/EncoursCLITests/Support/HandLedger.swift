/// A small ledger written by hand, as the NDJSON lines a user would import; its figures,
/// computed by hand, are `HandLedgerFigures`, shared with the store tests.
enum HandLedger {
    static let registerC1 =
        #"{"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","terms_days":30,"credit_limit":"10000","on":"2026-01-01"}"#
    static let registerC2 =
        #"{"type":"customer.registered","customer":"C2","legal_name":"Beta SARL","terms_days":60,"credit_limit":2000,"on":"2026-01-01"}"#
    static let invoiceFA1 =
        #"{"type":"invoice.issued","customer":"C1","invoice":"FA-1","amount":"1000.00","on":"2026-01-10"}"#
    static let registerC3 =
        #"{"type":"customer.registered","customer":"C3","legal_name":"Gamma SA","on":"2026-02-01"}"#
    static let orderCMD1 =
        #"{"type":"order.placed","customer":"C3","order":"CMD-1","amount":"3000.00","on":"2026-02-10"}"#
    static let invoiceFA2 =
        #"{"type":"invoice.issued","customer":"C1","invoice":"FA-2","amount":500,"on":"2026-02-15"}"#
    static let paymentPAY1 =
        #"{"type":"payment.received","customer":"C1","payment":"PAY-1","amount":"400.00","on":"2026-02-20","allocations":[{"invoice":"FA-1","amount":"400.00"}]}"#
    static let limitC1 =
        #"{"type":"credit_limit.set","customer":"C1","limit":"1300.00","on":"2026-03-01"}"#
    static let invoiceFA3 =
        #"{"type":"invoice.issued","customer":"C2","invoice":"FA-3","amount":"1200.00","on":"2026-03-01"}"#
    static let paymentPAY2 =
        #"{"type":"payment.received","customer":"C2","payment":"PAY-2","amount":"1500.00","on":"2026-03-10"}"#
    static let invoiceFA4 =
        #"{"type":"invoice.issued","customer":"C2","invoice":"FA-4","amount":"800.00","on":"2026-03-20"}"#
    static let disputeLIT1 =
        #"{"type":"dispute.opened","invoice":"FA-2","dispute":"LIT-1","amount":"200.00","reason":"damaged","on":"2026-03-20"}"#
    static let invoiceFA5 =
        #"{"type":"invoice.issued","customer":"C3","invoice":"FA-5","amount":"1000.00","on":"2026-03-25","due_on":"2026-03-30","order":"CMD-1"}"#

    /// In date order; FA-1 is line (and seq) 3.
    static let lines = [
        registerC1, registerC2, invoiceFA1, registerC3, orderCMD1, invoiceFA2, paymentPAY1, limitC1, invoiceFA3,
        paymentPAY2, invoiceFA4, disputeLIT1, invoiceFA5,
    ]

    /// The two payments, which arrive late in the backdating tests.
    static let payments = [paymentPAY1, paymentPAY2]
    static let withoutPayments = lines.filter { !payments.contains($0) }

    static let asOf = "2026-03-31"
    static let earlier = "2026-02-28"
}

extension Workspace {
    /// Writes the hand ledger as one file in date order and imports it; throws unless the
    /// import succeeded.
    func importHandLedger() throws {
        let run = try importFiles([write("ledger.ndjson", lines: HandLedger.lines)])
        guard run.exitCode == 0 else { throw ImportFailed(run: run) }
    }

    struct ImportFailed: Error, CustomStringConvertible {
        var run: EncoursRun
        var description: String { "the hand ledger did not import: \(run)" }
    }
}
