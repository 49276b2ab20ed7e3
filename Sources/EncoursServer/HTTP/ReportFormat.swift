import EncoursCore
import Hummingbird
import HummingbirdCore
import NIOCore

/// How a report is answered: the JSON of DESIGN §6 by default, or the CLI's CSV and text
/// table (`format=csv|table`), so `encours … --socket` prints exactly what `--db` prints.
enum ReportFormat: String {
    case json
    case csv
    case table

    init(_ parameters: FlatDictionary<Substring, Substring>) throws(APIError) {
        guard let text = try ReportQuery.text(parameters, "format") else {
            self = .json
            return
        }
        guard let format = ReportFormat(rawValue: text) else {
            throw .badField("format", "\"\(text)\" is not json, csv or table")
        }
        self = format
    }

    /// The report in this format, rendered while the ledger is lent.
    func render(json: () -> String, table: () -> ReportTable) -> String {
        switch self {
        case .json: json()
        case .csv: table().csv
        case .table: table().text
        }
    }

    func response(_ body: String) -> Response {
        switch self {
        case .json:
            return JSONResponse.make(body)
        case .csv, .table:
            var buffer = ByteBuffer()
            buffer.writeString(body)
            return Response(
                status: .ok,
                headers: [.contentType: self == .csv ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8"],
                body: .init(byteBuffer: buffer)
            )
        }
    }
}
