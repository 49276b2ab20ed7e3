/// A failure the user can act on, with the exit code the tool documents: 1 for bad input
/// or data. The message goes to standard error as it is.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
