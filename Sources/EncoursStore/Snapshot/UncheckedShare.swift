/// Hands a value to the jobs of one `DispatchQueue.concurrentPerform` that Swift cannot
/// prove safe to share: pointers into memory of which each job touches only its own part
/// (its slot of results, its range of entries). The jobs' disjointness is the caller's
/// promise; `concurrentPerform` returns only once every job is done.
struct UncheckedShare<Value>: @unchecked Sendable {
    let value: Value
}
