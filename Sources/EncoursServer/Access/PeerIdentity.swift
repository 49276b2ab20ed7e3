#if canImport(Glibc)
    import Glibc
#endif

/// Who is on the other end of a connection: the kernel's credentials (SO_PEERCRED) and the
/// names they map to, which roles and the `actor` of appended events are written in.
public struct PeerIdentity: Sendable, Hashable {
    public var userID: UInt32
    public var groupID: UInt32
    public var processID: Int32
    /// `nil` when the user id has no entry in the user database.
    public var userName: String?
    /// The primary group and the supplementary groups, by name.
    public var groupNames: [String]

    /// The actor recorded on appended events: the user name, or `uid:N` without one.
    public var actor: String { userName ?? "uid:\(userID)" }

    /// Looks up the names of `uid` and `gid` in the system's user and group databases.
    public static func resolve(userID: UInt32, groupID: UInt32, processID: Int32) -> PeerIdentity {
        let userName = Self.userName(userID)
        var groupIDs: [gid_t] = [groupID]
        if let userName {
            var count: Int32 = 64
            var buffer = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(userName, groupID, &buffer, &count) == -1 {
                buffer = [gid_t](repeating: 0, count: Int(count))
                _ = getgrouplist(userName, groupID, &buffer, &count)
            }
            groupIDs = Array(buffer.prefix(Int(max(count, 0))))
            if !groupIDs.contains(groupID) { groupIDs.append(groupID) }
        }
        let groupNames = groupIDs.compactMap(Self.groupName)
        return PeerIdentity(
            userID: userID,
            groupID: groupID,
            processID: processID,
            userName: userName,
            groupNames: groupNames
        )
    }

    static func userName(_ uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name
        else { return nil }
        return String(cString: name)
    }

    static func groupName(_ gid: gid_t) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name
        else { return nil }
        return String(cString: name)
    }

    /// The group id of `name`, for giving the socket file its group.
    static func groupID(named name: String) -> gid_t? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }
}
