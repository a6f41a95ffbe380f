import Foundation
import ThawData
import ThawNN
import ThawTensor

/// Saving and loading LoRA adapters alone, without the base weights: either in Hugging Face
/// PEFT's layout (a directory with `adapter_config.json` and `adapter_model.safetensors`, keys
/// `base_model.model.<path>.lora_A.weight` [r, in] and `….lora_B.weight` [out, r], and the
/// modules that trained besides LoRA as `base_model.model.<path>.weight`/`.bias`, listed in
/// `modules_to_save`), or as one `.safetensors` file with the same keys and the
/// configuration in its metadata.
public enum AdapterFiles {
    static let prefix = "base_model.model."

    /// The adapter's tensors and its configuration, as PEFT writes them: the LoRA matrices,
    /// plus every module that trained besides LoRA (a new head, say) saved whole and named in
    /// `modules_to_save` — without it PEFT would keep the base model's head, or none.
    static func contents(of model: Module, baseModel: String) throws -> ([String: SafeTensors.Entry], [String: Any]) {
        let layers = model.loraLayers
        guard let first = layers.first?.layer else {
            throw Checkpoint.LoadError(file: "", problem: "the model has no LoRA layers to save")
        }
        var tensors: [String: SafeTensors.Entry] = [:]
        var rankPattern: [String: Int] = [:], alphaPattern: [String: Float] = [:]
        for (path, l) in layers {
            tensors[prefix + path + ".lora_A.weight"] = .init(shape: l.loraA.weight.shape, values: l.loraA.weight.data)
            tensors[prefix + path + ".lora_B.weight"] = .init(shape: l.loraB.weight.shape, values: l.loraB.weight.data)
            if l.rank != first.rank { rankPattern[path] = l.rank }
            if l.alpha != first.alpha { alphaPattern[path] = l.alpha }
        }
        let saved = modulesToSave(of: model)
        for (path, parameter) in model.namedParameters() where saved.contains(parentPath(path)) {
            tensors[prefix + path] = .init(shape: parameter.shape, values: parameter.data)
        }
        let config: [String: Any] = [
            "peft_type": "LORA", "r": first.rank, "lora_alpha": first.alpha,
            "lora_dropout": first.dropout?.p ?? 0, "target_modules": targetModules(of: model), "bias": "none",
            "fan_in_fan_out": false, "inference_mode": true, "init_lora_weights": true,
            "rank_pattern": rankPattern, "alpha_pattern": alphaPattern,
            "modules_to_save": saved.isEmpty ? NSNull() : saved as Any,
            "base_model_name_or_path": baseModel, "task_type": NSNull(),
        ]
        return (tensors, config)
    }

    /// PEFT matches a target name against the end of every module path (`q` wraps every
    /// `….q`). A layer's own name is enough when every linear layer of that name is wrapped;
    /// otherwise the full path names just that one (`blocks.0.attn.q`).
    public static func targetModules(of model: Module) -> [String] {
        let wrapped = Set(model.loraLayers.map(\.path))
        let linears = model.namedModules().filter { $0.module is Linear || $0.module is LoRALinear }.map(\.path)
        let names = wrapped.map { path -> String in
            let name = lastComponent(path)
            let all = linears.filter { lastComponent($0) == name }
            return all.allSatisfy(wrapped.contains) ? name : path
        }
        return Set(names).sorted()
    }

    /// Modules with trainable parameters outside the LoRA layers: what trained besides LoRA.
    public static func modulesToSave(of model: Module) -> [String] {
        let lora = model.loraLayers.map { $0.path + "." }
        var modules: [String] = []
        for (path, parameter) in model.namedParameters() where parameter.requiresGrad && !lora.contains(where: path.hasPrefix) {
            let module = parentPath(path)
            if !module.isEmpty, !modules.contains(module) { modules.append(module) }
        }
        return modules
    }

    static func parentPath(_ path: String) -> String { path.split(separator: ".").dropLast().joined(separator: ".") }
    static func lastComponent(_ path: String) -> String { path.split(separator: ".").last.map(String.init) ?? path }

    /// Writes `directory/adapter_config.json` and `directory/adapter_model.safetensors`.
    public static func savePEFT(_ model: Module, to directory: URL, baseModel: String = "thaw") throws {
        let (tensors, config) = try contents(of: model, baseModel: baseModel)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys])
        try SafeWrite.write(json, to: directory.appendingPathComponent("adapter_config.json"))
        try SafeTensors.write(tensors, metadata: ["format": "pt"], to: directory.appendingPathComponent("adapter_model.safetensors"))
    }

    /// Writes one `.safetensors` file holding the LoRA matrices and, as metadata, the configuration.
    public static func save(_ model: Module, to url: URL, baseModel: String = "thaw") throws {
        let (tensors, config) = try contents(of: model, baseModel: baseModel)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]), as: UTF8.self)
        try SafeTensors.write(tensors, metadata: ["format": "pt", "adapter_config": json], to: url)
    }

    /// Loads a PEFT directory, or a single adapter file, into `model`: layers already wrapped
    /// get the saved matrices; plain Linears at the saved paths are wrapped first (freezing
    /// the rest of the model, as PEFT does); modules saved whole replace the model's and stay
    /// trainable. Returns the paths loaded: the LoRA layers, then the modules saved whole.
    @discardableResult
    public static func load(into model: Module, from url: URL, rng: inout RNG) throws -> [String] {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        let tensors: [String: SafeTensors.Entry]
        let config: [String: Any]
        if isDirectory.boolValue {
            let configURL = url.appendingPathComponent("adapter_config.json")
            guard let data = try? Data(contentsOf: configURL),
                  let c = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw Checkpoint.LoadError(file: configURL.path, problem: "missing or not a JSON object")
            }
            config = c
            tensors = try SafeTensors.read(url.appendingPathComponent("adapter_model.safetensors")).tensors
        } else {
            let (t, meta) = try SafeTensors.read(url)
            guard let text = meta["adapter_config"], let c = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                throw Checkpoint.LoadError(file: url.path, problem: "no adapter configuration in its metadata: is it a LoRA adapter file?")
            }
            config = c
            tensors = t
        }
        guard (config["peft_type"] as? String) == "LORA" else {
            throw Checkpoint.LoadError(file: url.path, problem: "only LoRA adapters can be loaded (peft_type is \(config["peft_type"] ?? "missing"))")
        }
        let alpha = (config["lora_alpha"] as? NSNumber)?.floatValue ?? 8
        let alphaPattern = (config["alpha_pattern"] as? [String: NSNumber]) ?? [:]
        var loaded: [String] = []
        let keys = tensors.keys.filter { $0.hasSuffix(".lora_A.weight") }.sorted()
        // Check everything before changing anything, so a bad file leaves the model as it was.
        var plan: [(path: String, a: SafeTensors.Entry, b: SafeTensors.Entry)] = []
        for key in keys {
            let path = String(key.dropLast(".lora_A.weight".count)).replacingOccurrences(of: prefix, with: "")
            guard let a = tensors[key], let b = tensors[key.replacingOccurrences(of: "lora_A", with: "lora_B")] else {
                throw Checkpoint.LoadError(file: url.path, problem: "`\(key)` has no matching lora_B")
            }
            let target = model.module(at: path)
            let base = (target as? LoRALinear)?.base ?? (target as? Linear)
            guard let base else {
                throw Checkpoint.LoadError(file: url.path, problem: "the model has no Linear layer at `\(path)`")
            }
            guard a.shape.count == 2, b.shape.count == 2, a.shape[1] == base.inFeatures, b.shape[0] == base.outFeatures,
                  a.shape[0] == b.shape[1] else {
                throw Checkpoint.LoadError(file: url.path, problem: "`\(path)`: lora_A \(a.shape) and lora_B \(b.shape) do not fit a \(base.inFeatures)→\(base.outFeatures) layer")
            }
            plan.append((path, a, b))
        }
        // The modules saved whole (`modules_to_save`): every tensor must fit its parameter.
        let parameters = Dictionary(model.namedParameters().map { ($0.path, $0.tensor) }, uniquingKeysWith: { a, _ in a })
        var wholeModules: [(tensor: Tensor, entry: SafeTensors.Entry)] = []
        for key in tensors.keys.sorted() where !key.contains(".lora_A.") && !key.contains(".lora_B.") {
            let path = key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
            guard let parameter = parameters[path], let entry = tensors[key] else {
                throw Checkpoint.LoadError(file: url.path, problem: "the model has no parameter `\(path)` for the saved module `\(parentPath(path))`")
            }
            guard entry.shape == parameter.shape else {
                throw Checkpoint.LoadError(file: url.path, problem: "`\(path)` is \(entry.shape.map(String.init).joined(separator: "×")) in the file but \(parameter.shape.map(String.init).joined(separator: "×")) in the model (a head for another number of classes? give the model a new head first)")
            }
            wholeModules.append((parameter, entry))
        }
        if plan.contains(where: { !(model.module(at: $0.path) is LoRALinear) }) { model.setTrainable(false) }
        for (parameter, entry) in wholeModules {
            parameter.data = entry.values
            parameter.requiresGrad = true   // as PEFT's modules_to_save: they train with the adapter
        }
        for (path, a, b) in plan {
            let layer: LoRALinear
            if let existing = model.module(at: path) as? LoRALinear, existing.rank == a.shape[0] {
                layer = existing
            } else {
                let base = (model.module(at: path) as? LoRALinear)?.base ?? (model.module(at: path) as! Linear)
                layer = LoRALinear(wrapping: base, rank: a.shape[0], alpha: alphaPattern[path]?.floatValue ?? alpha, rng: &rng)
                model.replaceModule(at: path, with: layer)
            }
            layer.loraA.weight.data = a.values
            layer.loraB.weight.data = b.values
            loaded.append(path)
        }
        for (parameter, _) in wholeModules {
            if let path = parameters.first(where: { $0.value === parameter })?.key, !loaded.contains(parentPath(path)) {
                loaded.append(parentPath(path))
            }
        }
        return loaded
    }
}
