import ThawLang
import ThawTensor

/// Which code runs each command of the catalogue.
extension Session {
    func dispatch(_ c: Command, statement: Statement) throws -> Result {
        switch c.name {
        case "help": return Result(outputs: help(c))
        case "seed": return try seed(c)
        case "reset": reset(); return Result(outputs: [.note("the workspace is empty and the seed is 0 again")])
        case "quit": quitRequested = true; return Result()
        case "export": return try export(c)
        case "load": return try load(c)
        case "select": return try select(c)
        case "split": return try split(c)
        case "transform": return try transform(c)
        case "join": return try join(c)
        case "mlp", "cnn", "gpt", "encoder": return try build(c)
        case "pretrained": return try pretrained(c)
        case "clone": return try clone(c)
        case "head": return try head(c)
        case "train": return try train(c)
        case "lr": return try rates(c)
        case "freeze", "unfreeze": return try freeze(c)
        case "lora", "adapter", "prompt", "bitfit": return try tune(c)
        case "merge": return try merge(c)
        case "quantize": return try quantize(c)
        case "show": return try show(c)
        case "eval": return try evaluate(c)
        case "sample": return try sample(c)
        case "plot": return try plot(c)
        case "compare": return try compare(c)
        case "diff": return try diff(c)
        case "snapshot": return try snapshot(c)
        case "restore": return try restore(c)
        case "save": return try save(c)
        case "expect": return try expect(c, statement: statement)
        case "print": return try printValue(c)
        default:
            if let outputs = externalCommand?(statement) { return Result(outputs: outputs) }
            throw LabError("`\(c.name)` works inside a lesson: open one with `lessons`", at: c.verb.range)
        }
    }

    func help(_ c: Command) -> [Output] {
        guard let topic = c.value("topic")?.word ?? c.value("topic")?.string else {
            return [.preformatted(CommandCatalog.helpOverview())]
        }
        return [.preformatted(CommandCatalog.help(for: topic) ?? "no help for `\(topic)`: `help` lists the commands")]
    }

    func seed(_ c: Command) throws -> Result {
        guard let n = c.integer("seed"), n >= 0 else {
            throw LabError("the seed must be a whole number, 0 or more", at: c.value("seed")?.range)
        }
        seedValue = UInt64(n)
        rng = RNG(seed: seedValue)
        return Result()
    }
}
