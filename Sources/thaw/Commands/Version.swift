/// Thaw's version, for `thaw --version` (one place; raise it when a release changes the
/// language, the lesson format or a file format).
enum ThawVersion {
    static let current = "0.4.0"
}
