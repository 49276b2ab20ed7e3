extension AgeingReport {
    /// One row per customer, the buckets, disputed, unapplied and total; totals underneath.
    public var table: ReportTable {
        let headers = ["customer"] + bucketNames + ["disputed", "unapplied", "total"]
        func cells(_ line: AgeingLine) -> [String] {
            line.buckets.map(\.decimalString) + [line.disputed, line.unapplied, line.total].map(\.decimalString)
        }
        return ReportTable(
            headers: headers,
            alignments: [.left] + Array(repeating: .right, count: headers.count - 1),
            rows: customers.map { [$0.customer?.rawValue ?? ""] + cells($0) },
            totals: ["TOTAL"] + cells(total)
        )
    }
}

extension ExposureReport {
    /// One row per customer; the totals add order book, receivables and exposure.
    public var table: ReportTable {
        var orderBook = Money.zero
        var receivables = Money.zero
        var exposure = Money.zero
        let rows = customers.map { line -> [String] in
            orderBook += line.orderBook
            receivables += line.receivables
            exposure += line.exposure
            return [
                line.customer.rawValue, line.orderBook.decimalString, line.receivables.decimalString,
                line.exposure.decimalString, line.limit?.decimalString ?? "", line.headroom?.decimalString ?? "",
                line.status.rawValue,
            ]
        }
        return ReportTable(
            headers: ["customer", "order_book", "receivables", "exposure", "limit", "headroom", "status"],
            alignments: [.left, .right, .right, .right, .right, .right, .left],
            rows: rows,
            totals: ["TOTAL", orderBook.decimalString, receivables.decimalString, exposure.decimalString, "", "", ""]
        )
    }
}

extension DSOReport {
    /// One row per customer; the totals line is the whole ledger's DSO.
    public var table: ReportTable {
        ReportTable(
            headers: ["customer", "dso"],
            alignments: [.left, .right],
            rows: customers.map { [$0.customer.rawValue, $0.dso?.description ?? ""] },
            totals: ["TOTAL (\(method.rawValue))", dso?.description ?? ""]
        )
    }
}
