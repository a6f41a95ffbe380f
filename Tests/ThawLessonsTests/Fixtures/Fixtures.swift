import Foundation
import ThawLessons

/// Lessons written for the tests, as string literals: the test target compiles Swift files
/// only, and a non-Swift file in it would draw SwiftPM's "unhandled file" warning.
enum Fixtures {
    /// A lesson that runs in a fraction of a second: a tiny network, one prediction and its
    /// reveal, one exercise with a conditional hint and a fallback hint.
    static let fixture = #"""
---
id: fixture
title: A small fixture
summary: Freezing a tiny network, fast.
---

# A tiny network

Prose before the first block.

```thaw
seed 3
digits = load digits
# a small model, so the lesson runs in a blink
net = mlp 64 16 10
train net on digits epochs 1
```

```thaw predict id=size
question: How many parameters does the network have?
a: fewer than 2000 | params(net) < 2000
b: 2000 or more | params(net) >= 2000
```

Now look.

```thaw reveal id=size
```

## Freeze

Freeze everything except the head.

```thaw exercise id=freeze
# freeze the first layer, keep the head trainable
```

```thaw solution id=freeze
freeze net except net.head
```

```thaw check id=freeze
expect frozen(net.0)
expect not frozen(net.head)
```

```thaw wrong id=freeze
# freezing only the first layer leaves the head trainable, but the check also wants net.0 frozen
freeze net.head
```

```thaw hint id=freeze when=frozen(net.head)
You froze the head too: `unfreeze net.head`.
```

```thaw hint id=freeze
Use `freeze net except net.head`.
```

The end.
"""#

    static let fixtureName = "01-fixture.md"

    static func fixtureLesson() throws -> Lesson { try Lesson.parse(fixture, fileName: fixtureName) }

    /// The front matter and a body, for the malformed-lesson tests.
    static func lesson(_ body: String) -> String {
        "---\nid: t\ntitle: T\n---\n" + body
    }

    /// The problems of a malformed lesson, or none when it parses.
    static func problems(_ text: String, file: String = "09-bad.md") -> [LessonError.Problem] {
        do {
            _ = try Lesson.parse(text, fileName: file)
            return []
        } catch {
            return error.problems
        }
    }

    /// A fresh temporary folder (for THAW_HOME and answers).
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thaw-lessons-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
