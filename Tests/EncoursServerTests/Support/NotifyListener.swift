import Foundation
import Synchronization

/// A stand-in for systemd's notification socket: a datagram socket that collects every
/// message the daemon sends to `$NOTIFY_SOCKET`.
final class NotifyListener: Sendable {
    let path: String
    private let descriptor: Int32
    private let inbox = Collected<String>()

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        let bound = withUnixSocketAddress(path) { bind(descriptor, $0, $1) }
        guard bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let socketDescriptor = descriptor
        let inbox = self.inbox
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socketDescriptor, &buffer, buffer.count, 0)
                if count > 0 {
                    inbox.append(String(decoding: buffer.prefix(count), as: UTF8.self))
                } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    return
                }
            }
        }
    }

    var received: [String] { inbox.values }

    /// Waits until a message contains `text`.
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if received.contains(where: { $0.contains(text) }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}

/// Values gathered from several threads or tasks.
final class Collected<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])

    func append(_ value: Value) {
        storage.withLock { $0.append(value) }
    }

    func append(contentsOf values: [Value]) {
        storage.withLock { $0 += values }
    }

    var values: [Value] { storage.withLock { $0 } }
}
