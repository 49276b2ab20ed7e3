extension JSONParser {
    /// Refuses an object that names a key twice.
    ///
    /// RFC 8259 leaves duplicates to the implementation; readers disagree on which value
    /// wins, so an event with two `amount`s means different things to different tools. It is
    /// an error here, naming the key. Keys are compared as decoded text, so `"a"` and
    /// `"\u0061"` are the same key.
    func checkDuplicateKeys(objectAt index: Int) throws(JSONSyntaxError) {
        let count = Int(nodes[index].count)
        // Events have a dozen keys at most: comparing pairs in place costs less than hashing.
        if count > 16 { return try checkDuplicateKeysHashed(objectAt: index) }
        try nodes.withUnsafeBufferPointer { nodes throws(JSONSyntaxError) in
            let document = JSONDocument(input: input, nodes: nodes)
            var key = index + 1
            for _ in 1..<count {
                var other = Int(nodes[key + 1].next)
                while other < Int(nodes[index].next) {
                    if document.keysEqual(key, other) {
                        throw JSONSyntaxError(
                            reason: .duplicateKey(document.string(at: other)),
                            offset: Int(nodes[other].start) - 1
                        )
                    }
                    other = Int(nodes[other + 1].next)
                }
                key = Int(nodes[key + 1].next)
            }
        }
    }

    private func checkDuplicateKeysHashed(objectAt index: Int) throws(JSONSyntaxError) {
        try nodes.withUnsafeBufferPointer { nodes throws(JSONSyntaxError) in
            let document = JSONDocument(input: input, nodes: nodes)
            var seen = Set<[UInt8]>()
            var key = index + 1
            while key < Int(nodes[index].next) {
                let text = document.decodedBytes(at: key)
                guard seen.insert(text).inserted else {
                    throw JSONSyntaxError(
                        reason: .duplicateKey(String(decoding: text, as: UTF8.self)),
                        offset: Int(nodes[key].start) - 1
                    )
                }
                key = Int(nodes[key + 1].next)
            }
        }
    }
}
