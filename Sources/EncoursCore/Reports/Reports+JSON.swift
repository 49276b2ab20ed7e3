extension AgeingReport {
    /// The JSON of DESIGN §6: `{"as_of", "currency", "customers": [...], "total": {...}}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("currency", currency)
        writer.key("customers")
        writer.beginArray()
        for line in customers { write(line, to: &writer) }
        writer.endArray()
        writer.key("total")
        write(total, to: &writer)
        writer.endObject()
        return writer.text
    }

    private func write(_ line: AgeingLine, to writer: inout JSONWriter) {
        writer.beginObject()
        if let customer = line.customer { writer.member("customer", customer.rawValue) }
        for (name, amount) in zip(bucketNames, line.buckets) { writer.member(name, amount) }
        writer.member("disputed", line.disputed)
        writer.member("unapplied", line.unapplied)
        writer.member("total", line.total)
        writer.endObject()
    }
}

extension ExposureReport {
    /// The JSON of DESIGN §6: `{"as_of", "customers": [...]}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.key("customers")
        writer.beginArray()
        for line in customers {
            writer.beginObject()
            writer.member("customer", line.customer.rawValue)
            writer.member("order_book", line.orderBook)
            writer.member("receivables", line.receivables)
            writer.member("exposure", line.exposure)
            writer.member("limit", line.limit)
            writer.member("headroom", line.headroom)
            writer.member("status", line.status.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}

extension DSOReport {
    /// The JSON of DESIGN §6: `{"as_of", "method", "dso", "customers": [...]}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("method", method.rawValue)
        writer.key("dso")
        writer.raw(dso?.description ?? "null")
        writer.key("customers")
        writer.beginArray()
        for line in customers {
            writer.beginObject()
            writer.member("customer", line.customer.rawValue)
            writer.key("dso")
            writer.raw(line.dso?.description ?? "null")
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
