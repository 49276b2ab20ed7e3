import TOMLKit

// One table per kind of line, and [customer]: required columns first, then the optional ones.
extension CSVMappingFileReader {
    func invoice(_ table: TOMLTable, hasHeader: Bool) throws(CSVMappingError) -> CSVInvoiceColumns<CSVColumnReference> {
        var negative = CSVNegativeInvoice.error
        if let text = try string(table, "invoice.negative_amount") {
            guard let value = CSVNegativeInvoice(rawValue: text) else {
                throw error("invoice.negative_amount", "\"\(text)\" is not \"error\" or \"credit_note\"")
            }
            negative = value
        }
        let credited = try column(table, "invoice.credited_invoice", hasHeader: hasHeader)
        if credited != nil && negative != .creditNote {
            throw error("invoice.credited_invoice", "is read only with negative_amount = \"credit_note\"")
        }
        return CSVInvoiceColumns(
            invoice: try requiredColumn(table, "invoice.invoice", hasHeader: hasHeader, what: "the invoice number"),
            customer: try requiredColumn(table, "invoice.customer", hasHeader: hasHeader, what: "the customer's id"),
            on: try requiredColumn(table, "invoice.on", hasHeader: hasHeader, what: "the issue date"),
            amount: try requiredColumn(table, "invoice.amount", hasHeader: hasHeader, what: "the amount"),
            dueOn: try column(table, "invoice.due_on", hasHeader: hasHeader),
            order: try column(table, "invoice.order", hasHeader: hasHeader),
            negativeAmount: negative,
            creditedInvoice: credited
        )
    }

    func creditNote(
        _ table: TOMLTable,
        hasHeader: Bool
    ) throws(CSVMappingError) -> CSVCreditNoteColumns<CSVColumnReference> {
        CSVCreditNoteColumns(
            creditNote: try requiredColumn(
                table,
                "credit_note.credit_note",
                hasHeader: hasHeader,
                what: "the credit note number"
            ),
            customer: try requiredColumn(
                table,
                "credit_note.customer",
                hasHeader: hasHeader,
                what: "the customer's id"
            ),
            on: try requiredColumn(table, "credit_note.on", hasHeader: hasHeader, what: "the issue date"),
            amount: try requiredColumn(table, "credit_note.amount", hasHeader: hasHeader, what: "the amount"),
            invoice: try column(table, "credit_note.invoice", hasHeader: hasHeader)
        )
    }

    func payment(_ table: TOMLTable, hasHeader: Bool) throws(CSVMappingError) -> CSVPaymentColumns<CSVColumnReference> {
        CSVPaymentColumns(
            payment: try requiredColumn(
                table,
                "payment.payment",
                hasHeader: hasHeader,
                what: "the payment's reference"
            ),
            customer: try requiredColumn(table, "payment.customer", hasHeader: hasHeader, what: "the customer's id"),
            on: try requiredColumn(table, "payment.on", hasHeader: hasHeader, what: "the day it was received"),
            amount: try requiredColumn(table, "payment.amount", hasHeader: hasHeader, what: "the amount"),
            invoice: try column(table, "payment.invoice", hasHeader: hasHeader)
        )
    }

    func order(_ table: TOMLTable, hasHeader: Bool) throws(CSVMappingError) -> CSVOrderColumns<CSVColumnReference> {
        CSVOrderColumns(
            order: try requiredColumn(table, "order.order", hasHeader: hasHeader, what: "the order number"),
            customer: try requiredColumn(table, "order.customer", hasHeader: hasHeader, what: "the customer's id"),
            on: try requiredColumn(table, "order.on", hasHeader: hasHeader, what: "the order date"),
            amount: try requiredColumn(table, "order.amount", hasHeader: hasHeader, what: "the amount")
        )
    }

    func customer(_ table: TOMLTable, hasHeader: Bool) throws(CSVMappingError) -> CSVCustomerColumns<CSVColumnReference>
    {
        CSVCustomerColumns(
            legalName: try requiredColumn(
                table,
                "customer.legal_name",
                hasHeader: hasHeader,
                what: "the legal name of a customer to register"
            ),
            tradeName: try column(table, "customer.trade_name", hasHeader: hasHeader),
            siren: try column(table, "customer.siren", hasHeader: hasHeader),
            salesRep: try column(table, "customer.sales_rep", hasHeader: hasHeader),
            termsDays: try column(table, "customer.terms_days", hasHeader: hasHeader)
        )
    }
}
