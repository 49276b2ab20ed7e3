import TOMLKit

/// The TOML configuration file (`/etc/encours/encours.toml`). Unknown sections and keys are
/// refused rather than ignored: a misspelt `every_event` must not silently keep the default.
extension DaemonConfiguration {
    static let knownKeys: [String: Set<String>] = [
        "database": ["path"],
        "socket": ["path", "mode", "group"],
        "snapshots": ["path", "every_events"],
        "limits": ["max_body_bytes"],
        "log": ["level"],
        "ageing": ["buckets"],
        "roles": ["daemon_user", "users", "groups"],
        "orders": Set(TOMLFileReader.orderKeys.map(\.key)),
        "penalties": ["ecb_rates", "margin"],
        "company": ["name", "address"],
        "statements": ["templates"],
        "commission": ["rate", "sales_reps"],
        "dunning": ["promise_grace_days", "steps"],
        "inbox": TOMLFileReader.inboxKeys,
    ]

    mutating func apply(toml text: String, file: String) throws(ConfigurationError) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                source: "\(file):\(error.source.begin.line):\(error.source.begin.column)",
                message: error.description
            )
        } catch {
            throw ConfigurationError(source: file, message: "\(error)")
        }
        let reader = TOMLFileReader(file: file)
        for section in root.keys {
            guard let keys = Self.knownKeys[section] else {
                let known = Self.knownKeys.keys.sorted().joined(separator: ", ")
                throw reader.error(section, "unknown section (known: \(known))")
            }
            guard let table = root[section]?.table else { throw reader.error(section, "must be a [\(section)] table") }
            for key in table.keys where !keys.contains(key) {
                throw reader.error(
                    "\(section).\(key)",
                    "unknown key (known in [\(section)]: \(keys.sorted().joined(separator: ", ")))"
                )
            }
        }
        let database = root["database"]?.table
        let socket = root["socket"]?.table
        let snapshots = root["snapshots"]?.table
        if let path = try reader.string(database, "database", "path") { databasePath = path }
        if let path = try reader.string(socket, "socket", "path") { socketPath = path }
        if let mode = try reader.string(socket, "socket", "mode") {
            socketMode = try Self.parseMode(mode, source: "\(file): socket.mode")
        }
        if let group = try reader.string(socket, "socket", "group") { socketGroup = group.isEmpty ? nil : group }
        if let path = try reader.string(snapshots, "snapshots", "path") {
            snapshotPathSetting = path.isEmpty ? nil : path
        }
        if let every = try reader.count(snapshots, "snapshots", "every_events") { snapshotEveryEvents = every }
        if let bytes = try reader.count(root["limits"]?.table, "limits", "max_body_bytes") { maxBodyBytes = bytes }
        if let level = try reader.string(root["log"]?.table, "log", "level") {
            logLevel = try Self.parseLogLevel(level, source: "\(file): log.level")
        }
        if let bounds = try reader.integers(root["ageing"]?.table, "ageing", "buckets") {
            ageingBuckets = try Self.parseBuckets(bounds, source: "\(file): ageing.buckets")
        }
        if let roles = root["roles"]?.table { self.roles = try reader.roles(roles) }
        if let orders = root["orders"]?.table { orderRules = try reader.orderRules(orders) }
        if let penalties = root["penalties"]?.table { penaltyRates = try reader.penaltyRates(penalties) }
        if let company = root["company"]?.table { letterhead = try reader.letterhead(company) }
        if let statements = root["statements"]?.table { statementTemplates = try reader.statementTemplates(statements) }
        if let commission = root["commission"]?.table { commissionPlan = try reader.commissionPlan(commission) }
        if let dunning = root["dunning"]?.table {
            if let days = try reader.promiseGraceDays(dunning) { promiseGraceDays = days }
            if let scenario = try reader.dunningScenario(dunning) { dunningScenario = scenario }
        }
        if let inbox = root["inbox"]?.table { self.inbox = try reader.inbox(inbox) }
    }
}

/// Typed access to the file's values, each error naming the file and the dotted key.
struct TOMLFileReader {
    let file: String

    func error(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(source: "\(file): \(key)", message: message)
    }

    func string(_ table: TOMLTable?, _ section: String, _ key: String) throws(ConfigurationError) -> String? {
        guard let value = table?[key] else { return nil }
        guard let text = value.string else { throw error("\(section).\(key)", "must be a string, not \(value.type)") }
        return text
    }

    func count(_ table: TOMLTable?, _ section: String, _ key: String) throws(ConfigurationError) -> Int? {
        guard let value = table?[key] else { return nil }
        guard let count = value.int, count >= 0 else {
            throw error("\(section).\(key)", "must be a whole number ≥ 0")
        }
        return count
    }

    func integers(_ table: TOMLTable?, _ section: String, _ key: String) throws(ConfigurationError) -> [Int]? {
        guard let value = table?[key] else { return nil }
        guard let array = value.array else { throw error("\(section).\(key)", "must be an array of whole numbers") }
        var numbers: [Int] = []
        for element in array {
            guard let number = element.int else {
                throw error("\(section).\(key)", "must be an array of whole numbers")
            }
            numbers.append(number)
        }
        return numbers
    }

    func roles(_ table: TOMLTable) throws(ConfigurationError) -> RoleMap {
        var map = RoleMap()
        if let daemonUser = try string(table, "roles", "daemon_user") {
            map.daemonUserRole = try DaemonConfiguration.parseRole(daemonUser, source: "\(file): roles.daemon_user")
        }
        map.users = try names(table, "users")
        map.groups = try names(table, "groups")
        return map
    }

    private func names(_ table: TOMLTable, _ key: String) throws(ConfigurationError) -> [String: Role] {
        guard let value = table[key] else { return [:] }
        guard let entries = value.table else {
            throw error("roles.\(key)", "must be a table of names to roles, like { alice = \"finance\" }")
        }
        var roles: [String: Role] = [:]
        for name in entries.keys {
            guard let text = entries[name]?.string else { throw error("roles.\(key).\(name)", "must be a role name") }
            guard let role = try DaemonConfiguration.parseRole(text, source: "\(file): roles.\(key).\(name)") else {
                continue
            }
            roles[name] = role
        }
        return roles
    }
}
