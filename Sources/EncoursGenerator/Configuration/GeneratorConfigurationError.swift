/// Why a generator configuration is refused, with a stable code for scripts and the name
/// of the command-line option at fault.
public struct GeneratorConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable reasons, in the order they are checked.
    public enum Code: String, Sendable, Hashable {
        case customersOutOfRange = "customers_out_of_range"
        case invoicesOutOfRange = "invoices_out_of_range"
        case monthsOutOfRange = "months_out_of_range"
        case startOutOfRange = "start_out_of_range"
    }

    public var code: Code
    /// The configuration field (and `encours generate` option) at fault.
    public var field: String
    public var message: String

    public var description: String { message }
}
