import Dispatch
import EncoursCore
import Synchronization

extension CSVExportReader {
    /// Converts the chunks of the file's text (as written, before transcoding) on every core:
    /// each is transcoded to UTF-8 into a buffer of its own, then its records are lent one
    /// by one to a ``CSVChunkConverter``, no list of records in between. The results are in file
    /// order; a chunk with a byte that is not text says so and holds nothing else. The text
    /// is not kept (its memory goes to the next chunk, ``CSVTextBuffers``): the few lines
    /// read again (``CSVKeptLine``) are found in it transcoded again (``text(of:_:)``).
    func convert(
        _ body: UnsafeBufferPointer<UInt8>,
        _ chunks: [DelimitedText.Chunk],
        columns: CSVColumns<CSVColumn>,
        firstDataLine: Int,
        file: String
    ) -> [CSVChunk] {
        let results = Mutex<[CSVChunk]>(Array(repeating: CSVChunk(), count: chunks.count))
        let selection = DelimitedRecordScanner.Selection(columns.indices)
        let buffers = CSVTextBuffers()
        // The buffer outlives the concurrent loop, which returns only once every chunk is done.
        nonisolated(unsafe) let written = body
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: written[chunk.range]))
            guard let count = try? mapping.encoding.utf8Count(raw) else {
                results.withLock { $0[index].isUndecodable = true }
                return
            }
            let result = buffers.withBuffer(count: count) { buffer in
                mapping.encoding.transcode(raw, into: buffer)
                return convert(
                    UnsafeBufferPointer(rebasing: buffer[..<count]),
                    firstLine: chunk.firstLine,
                    columns: columns,
                    selection: selection,
                    firstDataLine: firstDataLine,
                    file: file
                )
            }
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0 }
    }

    /// One chunk's UTF-8 `text`, starting on line `firstLine`, converted.
    private func convert(
        _ text: UnsafeBufferPointer<UInt8>,
        firstLine: Int,
        columns: CSVColumns<CSVColumn>,
        selection: DelimitedRecordScanner.Selection,
        firstDataLine: Int,
        file: String
    ) -> CSVChunk {
        var converter = CSVChunkConverter(
            mapping: mapping,
            columns: columns,
            file: file,
            firstDataLine: firstDataLine,
            errorLimit: errorLimit
        )
        converter.reserveCapacity(forBytes: text.count)
        var scanner = DelimitedRecordScanner(separator: mapping.separator, selection: selection)
        scanner.forEachRecord(in: text, firstLine: firstLine) { record, source in
            converter.convert(record, source)
        }
        var result = converter.chunk
        // Only the conversion looks customers up: let go of the table on this core.
        result.customerIndex = [:]
        return result
    }

    /// The UTF-8 text of a chunk, as ``convert(_:_:columns:firstDataLine:file:)`` read it.
    func text(of chunk: DelimitedText.Chunk, _ body: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: body[chunk.range]))
        // The chunk was transcoded once already.
        return (try? mapping.encoding.transcoded(raw)) ?? []
    }
}
