import ThawNN

/// The count of trainable against all parameters, printed the way Hugging Face PEFT's
/// `print_trainable_parameters()` does, so learners recognise it:
/// `trainable params: 1,290 || all params: 26,506 || trainable%: 4.8668`.
public struct TrainableReport: Equatable, CustomStringConvertible {
    public let trainable: Int
    public let total: Int

    public init(_ model: Module) {
        trainable = model.trainableParameterCount
        total = model.parameterCount
    }

    public var percent: Double { total == 0 ? 0 : 100 * Double(trainable) / Double(total) }

    public var description: String {
        "trainable params: \(grouped(trainable)) || all params: \(grouped(total)) || trainable%: \(fixed(percent, 4))"
    }
}

/// 1234567 → "1,234,567".
public func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}

/// A number with a fixed count of decimals, without Foundation's `String(format:)`.
public func fixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(x) * scale).rounded()
    let whole = Int(rounded / scale)
    var frac = String(Int(rounded.truncatingRemainder(dividingBy: scale)))
    while frac.count < decimals { frac = "0" + frac }
    return (x < 0 && rounded != 0 ? "-" : "") + "\(whole)" + (decimals > 0 ? "." + frac : "")
}
