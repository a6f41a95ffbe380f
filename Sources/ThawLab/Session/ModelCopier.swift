import ThawNN

/// Deep copies of models, for `clone` and for snapshots that must be measurable on their own.
/// The copying itself is `Module.deepCopy()`, which every layer supports; this stays as the
/// session's one entry point (it throws so callers keep room for models that cannot be copied).
enum ModelCopier {
    static func copy(_ original: Module) throws -> Module { original.deepCopy() }
}
