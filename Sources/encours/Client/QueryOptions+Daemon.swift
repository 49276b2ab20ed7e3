import EncoursCore
import Foundation

extension QueryOptions {
    /// Asks the daemon for a report in the chosen format and prints it as it comes: the
    /// daemon renders the same JSON, CSV and table as the offline commands.
    func fetch(_ route: String, _ extra: [String: String] = [:]) throws {
        guard case .socket(let path) = source else { return }
        var parameters = ["as_of": day.description, "format": format.rawValue]
        if let customer { parameters["customer"] = customer }
        parameters.merge(extra) { _, new in new }
        var components = URLComponents()
        components.path = route
        components.queryItems = parameters.sorted { $0.key < $1.key }.map {
            URLQueryItem(name: $0.key, value: $0.value)
        }
        let reply = try DaemonClient(socketPath: path).get(components.string ?? route)
        guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
        Terminal.write(reply.body)
    }
}
