/// A pretrained starting point that could not be loaded, said so that one can act on it.
public enum PretrainedError: Error, Equatable, CustomStringConvertible {
    /// No starting point has this name.
    case unknownName(String, known: [String])
    /// The catalogue knows the name but its weights file is not there.
    case missingFile(path: String, name: String)
    /// The file is there but does not fit the model the catalogue describes.
    case mismatch(path: String, problem: String)

    public var description: String {
        switch self {
        case let .unknownName(name, known):
            return "no pretrained model is called `\(name)`; there are \(known.map { "`\($0)`" }.joined(separator: ", "))"
        case let .missingFile(path, name):
            return "\(path): no such file: the weights of `\(name)` are missing. Remake them with \(Pretrained.remakeCommand)"
        case let .mismatch(path, problem):
            return "\(path): \(problem). The file does not fit this version of Thaw; remake it with \(Pretrained.remakeCommand)"
        }
    }
}
