extension RiskFile {
    /// `GET /v1/customers/{id}/risk`: `{"as_of", "customer", "legal_name", …, "flags"}`
    /// (docs/api.md, "Customer risk file").
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writeMembers(to: &writer)
        writer.endObject()
        return writer.text
    }

    /// Every key but `as_of`, which a list gives once.
    func writeMembers(to writer: inout JSONWriter) {
        writer.member("customer", customer.rawValue)
        writer.optionalMember("legal_name", legalName)
        writer.optionalMember("trade_name", tradeName)
        writer.key("trade_name_differs")
        writer.raw(tradeNameDiffers ? "true" : "false")
        writer.optionalMember("siren", siren)
        writer.key("siren_valid")
        writer.raw(sirenValid.map { $0 ? "true" : "false" } ?? "null")
        writer.optionalMember("incorporated_on", incorporatedOn?.description)
        writer.key("age_years")
        writer.raw(ageYears.map(String.init) ?? "null")
        writer.member("limit", limit)
        writer.optionalMember("insurer", insurer)
        writer.member("insurer_cover", insurerCover)
        writer.key("flags")
        writer.beginArray()
        for flag in flags { writer.string(flag.rawValue) }
        writer.endArray()
    }

    /// The table of a one-customer report: the same row as in the list.
    public var table: ReportTable {
        RiskReport(asOf: asOf, flaggedOnly: false, customers: [self]).table
    }

    var cells: [String] {
        [
            customer.rawValue, legalName ?? "", tradeName ?? "", siren ?? "", incorporatedOn?.description ?? "",
            ageYears.map(String.init) ?? "", limit?.decimalString ?? "", insurerCover?.decimalString ?? "",
            flags.map(\.rawValue).joined(separator: " "),
        ]
    }
}

extension RiskReport {
    /// `GET /v1/risk`: `{"as_of", "customers": [{"customer", …, "flags"}]}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.key("customers")
        writer.beginArray()
        for file in customers {
            writer.beginObject()
            file.writeMembers(to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// One row per customer; flags separated by spaces; no totals (nothing adds up).
    public var table: ReportTable {
        ReportTable(
            headers: [
                "customer", "legal_name", "trade_name", "siren", "incorporated_on", "age_years", "limit",
                "insurer_cover", "flags",
            ],
            alignments: [.left, .left, .left, .left, .left, .right, .right, .right, .left],
            rows: customers.map(\.cells)
        )
    }
}
