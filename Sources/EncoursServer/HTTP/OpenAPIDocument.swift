import Foundation
import Yams

/// The OpenAPI description of the socket API: `openapi.yaml` at the top of the repository
/// (written and reviewed as YAML), embedded in the binary and served as JSON at
/// `/v1/openapi.json` for tools that read only JSON.
public enum OpenAPIDocument {
    public static let yaml = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)

    public static let json: String = {
        do {
            guard let document = try Yams.load(yaml: yaml) else { return "{}" }
            let data = try JSONSerialization.data(
                withJSONObject: document,
                options: [.sortedKeys, .withoutEscapingSlashes]
            )
            return String(decoding: data, as: UTF8.self)
        } catch {
            // The test suite loads the document; a broken one never ships.
            preconditionFailure("openapi.yaml does not parse: \(error)")
        }
    }()
}
