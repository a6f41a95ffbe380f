import Foundation
import ThawLang

/// `export FILE`: the session so far as a notebook (`.ipynb`) or Markdown (`.md`).
extension Session {
    func export(_ c: Command) throws -> Result {
        guard let file = c.value("file")?.string else {
            throw LabError("`export` needs a quoted file name ending in .ipynb or .md", at: c.range)
        }
        let url = try self.file(file, for: .write, at: c.value("file")?.range)
        do {
            switch url.pathExtension {
            case "ipynb": try Notebook.write(transcript, to: url)
            case "md": try MarkdownExport.write(transcript, to: url)
            default: throw LabError("export to a `.ipynb` notebook or a `.md` file, not `.\(url.pathExtension)`", at: c.value("file")?.range)
            }
        } catch let e as LabError { throw e } catch {
            throw LabError("\(error)", at: c.value("file")?.range)
        }
        return Result(outputs: [.note("wrote the session (\(transcript.cells.count) cells) to \(file)")])
    }
}
