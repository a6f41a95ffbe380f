#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many columns the terminal has. The one place that decides it, so that tables, plots,
/// prose and the training progress line all fit the same width.
///
/// The window size of the terminal behind a descriptor (`TIOCGWINSZ`) when it is one; else
/// `COLUMNS`, which a user or a script may set; else 80, which every terminal has.
public enum TerminalWidth {
    /// The width when nothing says otherwise.
    public static let fallback = 80
    /// Narrower than this nothing can be laid out usefully, so a smaller figure counts as this.
    public static let minimum = 20

    /// The width for output written to `fileDescriptor` (standard output by default). Read
    /// afresh on every call, so a resized window takes effect at the next output.
    public static func columns(fileDescriptor: Int32 = 1) -> Int {
        resolve(window: windowColumns(fileDescriptor), columnsVariable: getenv("COLUMNS").map { String(cString: $0) })
    }

    /// The rule as a pure function: the window's width, else `COLUMNS`, else `fallback`.
    public static func resolve(window: Int?, columnsVariable: String?) -> Int {
        if let window, window > 0 { return max(minimum, window) }
        if let text = columnsVariable, let columns = Int(text), columns > 0 { return max(minimum, columns) }
        return fallback
    }

    /// The columns of the terminal behind `fileDescriptor`; nil when it is not a terminal (a
    /// pipe, a file) or reports no size (some serial lines and CI ptys say 0).
    static func windowColumns(_ fileDescriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
