import Foundation
import ThawData
import ThawLessons

/// `thaw grade --bundle DIR`: the autograder archive Gradescope expects — a zip with
/// `setup.sh` (run once, as root, when Gradescope builds its image: installs the build
/// dependencies and Swift, builds thaw from the sources in the zip and installs it) and
/// `run_autograder` (run per submission: grades `/autograder/submission` into
/// `/autograder/results/results.json`), plus Thaw's sources, lessons and data under `thaw/`.
/// See docs/teaching.md.
struct AutograderBundle {
    /// What of the repository goes into the zip: enough to build and grade, nothing built.
    static let sourceItems = ["Package.swift", "Makefile", "README.md", "Sources", "Tests", "Lessons", "datasets", "scripts"]

    let source: URL
    let lessons: [String]
    let cpuSeconds: Int
    let memoryMB: Int

    func entries() throws -> [StoredZip.Entry] {
        var entries = [StoredZip.Entry(path: "setup.sh", bytes: Array(setupScript.utf8), executable: true),
                       StoredZip.Entry(path: "run_autograder", bytes: Array(runScript.utf8), executable: true)]
        let fm = FileManager.default
        for item in Self.sourceItems {
            let url = source.appendingPathComponent(item)
            guard let kind = FileKind.of(url.path) else { throw BundleError("\(url.path) is missing: --bundle needs a clone of Thaw") }
            let files: [String] = kind == .directory
                ? ((fm.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []).sorted().map { item + "/" + $0 }
                : [item]
            for file in files where FileKind.of(source.appendingPathComponent(file).path) == .regular {
                let path = source.appendingPathComponent(file).path
                let bytes = try SafeRead.bytes(of: path, limit: 64 << 20)
                entries.append(.init(path: "thaw/" + file, bytes: bytes, executable: fm.isExecutableFile(atPath: path)))
            }
        }
        return entries
    }

    func write(to folder: URL) throws -> URL {
        let zip = folder.appendingPathComponent("autograder.zip")
        try SafeWrite.write(StoredZip.archive(try entries()), to: zip)
        return zip
    }

    /// A word for bash, single-quoted.
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    var runScript: String {
        let lessonArguments = lessons.map { "--lesson " + Self.quoted($0) }.joined(separator: " ")
        return """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission (written by `thaw grade --bundle`).
            # It grades the answers in submission/ into results/results.json; a submission may be
            # the answers folder's contents (LESSON-ID/EXERCISE-ID.thaw) or a zip of `answers/`.
            # AUTOGRADER_ROOT and THAW point it elsewhere, for trying it out before uploading.
            set -uo pipefail
            root="${AUTOGRADER_ROOT:-/autograder}"
            thaw="${THAW:-thaw}"
            submission="$root/submission"
            [ -d "$submission/answers" ] && submission="$submission/answers"
            mkdir -p "$root/results"
            export THAW_LESSONS="$root/source/thaw/Lessons" THAW_DATASETS="$root/source/thaw/datasets"
            exec "$thaw" grade "$submission" --format gradescope --output "$root/results/results.json" \\
              --cpu-seconds \(cpuSeconds) --memory-mb \(memoryMB) \(lessonArguments)

            """
    }

    var setupScript: String {
        """
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, when it builds the autograder image (Ubuntu), from
        # /autograder/source (written by `thaw grade --bundle`). It installs the build
        # dependencies and Swift 6 (with swiftly, https://www.swift.org/install/linux/), then
        # builds Thaw from the sources in thaw/ and installs it on the PATH.
        set -euo pipefail
        cd "$(dirname "$0")/thaw"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl ca-certificates git gnupg2 \\
          libcurl4-openssl-dev libxml2-dev libncurses-dev libz3-dev pkg-config tzdata unzip zlib1g-dev \\
          libopenblas-dev libedit-dev python3 >/dev/null
        if ! command -v swift >/dev/null 2>&1; then
          curl -fsSL "https://download.swift.org/swiftly/linux/swiftly-$(uname -m).tar.gz" -o /tmp/swiftly.tar.gz
          tar -xzf /tmp/swiftly.tar.gz -C /tmp
          /tmp/swiftly init --quiet-shell-followup --assume-yes
          . "${SWIFTLY_HOME_DIR:-$HOME/.local/share/swiftly}/env.sh"
          hash -r
        fi
        make install PREFIX=/usr/local

        """
    }
}

struct BundleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
