import Foundation
import ThawLang

/// `export FILE`: the session so far as a notebook (`.ipynb`) or Markdown (`.md`).
extension Session {
    func export(to file: String, at range: SourceRange?) throws -> CommandResult {
        let url = try self.file(file, for: .write, at: range)
        do {
            switch url.pathExtension {
            case "ipynb": try Notebook.write(transcript, to: url)
            case "md": try MarkdownExport.write(transcript, to: url)
            default: throw LabError("export to a `.ipynb` notebook or a `.md` file, not `.\(url.pathExtension)`", at: range)
            }
        } catch let e as LabError { throw e } catch {
            throw LabError("\(error)", at: range)
        }
        return CommandResult(outputs: [.note("wrote the session (\(transcript.cells.count) cells) to \(file)")])
    }
}
