extension CustomerDetail {
    /// `GET /v1/customers/{id}`: profile, exposure, open invoices and open orders. Amounts
    /// as everywhere (strings, 2 decimals); unapplied credit negative, as in the ageing.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("customer", customer.rawValue)
        writer.member("registered_on", registeredOn.description)
        writer.key("profile")
        writeProfile(to: &writer)
        writer.key("blocked")
        writer.raw(blocked ? "true" : "false")
        writer.key("exposure")
        writer.beginObject()
        writer.member("order_book", exposure.orderBook)
        writer.member("receivables", exposure.receivables)
        writer.member("exposure", exposure.exposure)
        writer.member("limit", exposure.limit)
        writer.member("headroom", exposure.headroom)
        writer.member("status", exposure.status.rawValue)
        writer.endObject()
        writer.member("unapplied", Money.zero - unappliedCredit)
        writer.key("open_invoices")
        writer.beginArray()
        for invoice in openInvoices { invoice.write(to: &writer) }
        writer.endArray()
        writer.key("open_orders")
        writer.beginArray()
        for order in openOrders {
            writer.beginObject()
            writer.member("order", order.order.rawValue)
            writer.member("placed_on", order.placedOn.description)
            writer.member("amount", order.amount)
            writer.member("open_book", order.openBook)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    private func writeProfile(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.optionalMember("legal_name", profile.legalName)
        writer.optionalMember("trade_name", profile.tradeName)
        writer.optionalMember("siren", profile.siren)
        writer.optionalMember("incorporated_on", profile.incorporatedOn?.description)
        writer.optionalMember("sales_rep", profile.salesRep?.rawValue)
        writer.key("terms_days")
        writer.raw(String(profile.termsDays ?? AccountState.defaultTermsDays))
        writer.member("policy", (profile.policy ?? .alert).rawValue)
        writer.member("registered_limit", profile.creditLimit)
        writer.endObject()
    }
}

extension JSONWriter {
    /// `"name":"value"`, or `"name":null` when there is none.
    public mutating func optionalMember(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
}

extension CustomerDetail.OpenInvoice {
    /// `{"invoice", "issued_on", "due_on", "amount", "open", "days_past_due", "disputed"}`: in
    /// the customer detail and in a statement of account alike.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("invoice", invoice.rawValue)
        writer.member("issued_on", issuedOn.description)
        writer.member("due_on", dueOn.description)
        writer.member("amount", amount)
        writer.member("open", open)
        writer.key("days_past_due")
        writer.raw(String(daysPastDue))
        writer.member("disputed", disputed)
        writer.endObject()
    }
}
