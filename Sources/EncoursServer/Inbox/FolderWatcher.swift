import Dispatch
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Waits for something to happen in the inbox folder: a file created, closed after
/// writing, or renamed into it (inotify), or a timeout.
///
/// Why inotify and a poll: inotify wakes the inbox as soon as a file lands, so a file is
/// read as soon as it has settled, and an idle daemon does not list the folder in a loop;
/// but it does not see files written on another machine into a network file system (NFS,
/// SMB), and its queue can overflow. So the inbox also lists the folder after every
/// timeout (`poll_seconds`), and any event simply means "list it now": nothing is lost by
/// ignoring which file an event names. Where inotify is missing or out of watches, the
/// poll alone does the work.
///
/// `poll(2)` blocks, so a wait runs on a queue of its own, never on the concurrency pool's
/// few threads; ``interrupt()`` ends the current and every later wait at once (shutdown).
final class FolderWatcher: Sendable {
    private let inotify: Int32
    private let interruptPipe: (read: Int32, write: Int32)
    private let queue = DispatchQueue(label: "encours.inbox.watch")

    /// `usesInotify` is false when the kernel refused (the reason is logged).
    let usesInotify: Bool

    init(folder: String, logger: Logger) {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        }
        interruptPipe = (descriptors[0], descriptors[1])
        #if os(Linux)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO)
            if descriptor >= 0, inotify_add_watch(descriptor, folder, mask) >= 0 {
                inotify = descriptor
                usesInotify = true
            } else {
                let reason = String(cString: strerror(errno))
                logger.notice("inbox: inotify unavailable (\(reason)): the folder is only polled")
                if descriptor >= 0 { close(descriptor) }
                inotify = -1
                usesInotify = false
            }
        #else
            inotify = -1
            usesInotify = false
        #endif
    }

    deinit {
        for descriptor in [inotify, interruptPipe.read, interruptPipe.write] where descriptor >= 0 {
            close(descriptor)
        }
    }

    /// Returns when the folder changed, after `timeout`, or once interrupted (a cancelled
    /// task interrupts).
    func wait(upTo timeout: Duration) async {
        let milliseconds = Int32(clamping: Int64(max(0, (timeout / .milliseconds(1)).rounded(.up))))
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                queue.async { [self] in
                    var descriptors = [pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0)]
                    if inotify >= 0 { descriptors.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
                    _ = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
                    drainEvents()
                    continuation.resume()
                }
            }
        } onCancel: {
            interrupt()
        }
    }

    /// Ends the current wait and makes every later one return at once.
    func interrupt() {
        var byte: UInt8 = 1
        _ = write(interruptPipe.write, &byte, 1)
    }

    /// Reads the events queued, which say only that something changed.
    private func drainEvents() {
        guard inotify >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(inotify, $0.baseAddress, $0.count) }) > 0 {}
    }
}
