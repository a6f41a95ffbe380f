import ThawNN
import ThawTune

/// The pretrained starting points, by the names the shell uses.
enum PretrainedModels {
    struct NotFound: Error, CustomStringConvertible {
        let name: String
        var description: String {
            "there is no pretrained model `\(name)`" + (PretrainedModels.names.isEmpty ? "" : "; there are \(PretrainedModels.names.joined(separator: ", "))")
        }
    }

    static var names: [String] { [] }

    static func load(_ name: String) throws -> Module { throw NotFound(name: name) }
}
