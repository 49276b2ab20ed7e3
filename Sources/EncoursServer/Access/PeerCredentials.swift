#if canImport(Glibc)
    import Glibc
#endif
import NIOCore
import Synchronization

/// Reads SO_PEERCRED from a connection and resolves it to a ``PeerIdentity``, remembering
/// identities by user and group id: the user database is read once per client user, not
/// once per request.
public final class PeerCredentials: Sendable {
    /// `struct ucred`, which Glibc's Swift module does not export (it is behind
    /// `_GNU_SOURCE`): the same layout.
    struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    private struct CacheKey: Hashable {
        var uid: UInt32
        var gid: UInt32
    }

    private let cache = Mutex<[CacheKey: PeerIdentity]>([:])

    public init() {}

    /// The peer of `channel`, or `nil` if the kernel does not say (not a Unix socket).
    public func identity(of channel: any Channel) async -> PeerIdentity? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let credentials: UCred
        do {
            credentials = try await provider.unsafeGetSocketOption(
                level: SocketOptionLevel(SOL_SOCKET),
                name: SocketOptionName(SO_PEERCRED)
            ).get()
        } catch {
            return nil
        }
        let key = CacheKey(uid: credentials.uid, gid: credentials.gid)
        if let known = cache.withLock({ $0[key] }) {
            var identity = known
            identity.processID = credentials.pid
            return identity
        }
        let identity = PeerIdentity.resolve(
            userID: credentials.uid,
            groupID: credentials.gid,
            processID: credentials.pid
        )
        cache.withLock { $0[key] = identity }
        return identity
    }

    /// Forgets the names looked up so far: after SIGHUP, group changes take effect.
    public func forget() {
        cache.withLock { $0.removeAll() }
    }
}
