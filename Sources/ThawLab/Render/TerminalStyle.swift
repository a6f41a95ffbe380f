#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThawText

/// How the terminal renderer draws: with or without colour, and how big plots are.
///
/// The renderer never decides about colour itself; the caller does, usually with
/// `ColorPolicy.detect()`. With `color` off the output contains no escape codes at all.
public struct TerminalStyle: Sendable, Equatable {
    /// How tables are drawn.
    public enum TableBorders: Sendable, Equatable {
        /// Unicode box drawing around every cell.
        case boxed
        /// Aligned columns with a rule under the header (and above a footer).
        case rules
    }

    /// ANSI colour and weight (bold headers, dimmed notes, coloured plot series).
    public var color: Bool
    /// Total width of a plot in columns, tick labels included.
    public var plotWidth: Int
    /// Height of a plot's drawing area in rows (titles, axes and legend come on top).
    public var plotHeight: Int
    public var tableBorders: TableBorders
    /// The terminal's width in columns: text and prose wrap to it, tables narrow their
    /// widest columns to fit it, plots shrink to it. Nil (files, exports, tests) leaves every
    /// output at its natural width, so nothing is lost.
    public var width: Int?

    public init(color: Bool = false, plotWidth: Int = 64, plotHeight: Int = 14,
                tableBorders: TableBorders = .boxed, width: Int? = nil) {
        self.color = color
        self.plotWidth = plotWidth
        self.plotHeight = plotHeight
        self.tableBorders = tableBorders
        self.width = width
    }

    /// No colour, default sizes: what goes into files, logs and tests.
    public static let plain = TerminalStyle()

    /// Default sizes, colour as `ColorPolicy.detect()` decides for standard output, fitted to
    /// the width `TerminalWidth` finds for it.
    public static func detected(fileDescriptor: Int32 = 1) -> TerminalStyle {
        TerminalStyle(color: ColorPolicy.detect(fileDescriptor: fileDescriptor),
                      width: TerminalWidth.columns(fileDescriptor: fileDescriptor))
    }
}

/// Whether to colour output: only on a terminal, never with `NO_COLOR` set (to anything but
/// the empty string, as no-color.org says) and never when `TERM` is `dumb` or unset.
public enum ColorPolicy {
    /// The decision as a pure function, for tests and for callers that know better.
    public static func shouldColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// The decision for a file descriptor (standard output by default) in this process's
    /// environment.
    public static func detect(fileDescriptor: Int32 = 1) -> Bool {
        shouldColor(isTerminal: isatty(fileDescriptor) != 0,
                    environment: ProcessInfo.processInfo.environment)
    }
}
