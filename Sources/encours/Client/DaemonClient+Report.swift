import Foundation

extension DaemonClient {
    /// Asks for a report with these query parameters and prints the answer as it comes, or
    /// fails with the daemon's error: for commands whose options are not ``QueryOptions``.
    func printReport(_ route: String, _ parameters: [String: String]) throws {
        var components = URLComponents()
        components.path = route
        components.queryItems = parameters.sorted { $0.key < $1.key }.map {
            URLQueryItem(name: $0.key, value: $0.value)
        }
        let reply = try get(components.string ?? route)
        guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
        Terminal.write(reply.body)
    }
}
