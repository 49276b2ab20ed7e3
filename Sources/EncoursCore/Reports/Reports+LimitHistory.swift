extension LimitHistory {
    /// `GET /v1/customers/{id}/limits` (docs/api.md, "Limit history"), with who recorded
    /// each decision and when.
    public func json(attributions: [Int64: Attribution]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("customer", customer.rawValue)
        writer.member("as_of", asOf.description)
        writer.member("limit", limit)
        writer.member("policy", policy.rawValue)
        writer.member("status", status.rawValue)
        writer.key("decisions")
        writer.beginArray()
        for decision in decisions {
            let attribution = attributions[decision.sequence]
            writer.beginObject()
            writer.key("seq")
            writer.raw(String(decision.sequence))
            writer.member("type", decision.type.rawValue)
            writer.member("on", decision.on.description)
            writer.optionalMember("recorded_at", attribution?.recordedAt)
            writer.optionalMember("actor", attribution?.actor)
            writer.member("limit", decision.limit)
            writer.optionalMember("until", decision.until?.description)
            writer.optionalMember("policy", decision.policy?.rawValue)
            writer.optionalMember("reason", decision.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// One row per decision; the totals line is where the customer stands on the date.
    public func table(attributions: [Int64: Attribution]) -> ReportTable {
        ReportTable(
            headers: ["seq", "on", "type", "limit", "until", "policy", "reason", "actor", "recorded_at"],
            alignments: [.right, .left, .left, .right, .left, .left, .left, .left, .left],
            rows: decisions.map { decision in
                let attribution = attributions[decision.sequence]
                return [
                    String(decision.sequence), decision.on.description, decision.type.rawValue,
                    decision.limit?.decimalString ?? "", decision.until?.description ?? "",
                    decision.policy?.rawValue ?? "", decision.reason ?? "", attribution?.actor ?? "",
                    attribution?.recordedAt ?? "",
                ]
            },
            totals: [
                "", asOf.description, status.rawValue, limit?.decimalString ?? "", "", policy.rawValue, "", "", "",
            ]
        )
    }
}
