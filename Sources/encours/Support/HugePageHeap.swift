import Foundation

/// Backs `encours import`'s heap with transparent huge pages, by running the command again
/// with glibc's `glibc.malloc.hugetlb=1` tunable.
///
/// A million-event import holds about a gigabyte of events, rows and ledger; faulted in
/// 4 KiB at a time, that was a quarter of the reading thread's time. With 2 MiB pages the
/// same import was durable 7 % sooner and finished 13 % sooner (1,021,465 events, three
/// alternated pairs of runs on the project's VM). glibc reads its tunables only when a
/// process starts, and most kernels give huge pages only to memory that asks for them
/// (`madvise` in /sys/kernel/mm/transparent_hugepage/enabled), hence the second start.
///
/// `ENCOURS_HUGE_PAGES=0` keeps the first process as it is.
enum HugePageHeap {
    private static let tunable = "glibc.malloc.hugetlb=1"
    private static let modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"

    /// Replaces this process with the same command and the tunable set, when the kernel
    /// gives huge pages on request and nothing has asked otherwise; returns when it does
    /// not (or the exec fails), and the command runs as it is.
    static func restartWithHugePages() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["ENCOURS_HUGE_PAGES"] != "0" else { return }
        let current = environment["GLIBC_TUNABLES"] ?? ""
        guard !current.contains("glibc.malloc.hugetlb") else { return }
        // "always" gives them without asking, "never" not at all: only "madvise" gains.
        guard let mode = try? String(contentsOfFile: modeFile, encoding: .utf8), mode.contains("[madvise]") else {
            return
        }
        setenv("GLIBC_TUNABLES", current.isEmpty ? tunable : current + ":" + tunable, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: the exec failed. Leave the environment as it was for any child.
        if current.isEmpty { unsetenv("GLIBC_TUNABLES") } else { setenv("GLIBC_TUNABLES", current, 1) }
    }
}
