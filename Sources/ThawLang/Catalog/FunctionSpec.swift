/// A metric function callable in expressions: `accuracy(net, old)`.
public struct FunctionSpec: Sendable, Hashable {
    public enum Returns: String, Sendable, Hashable { case number, boolean }

    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var type: ValueType
        public init(_ name: String, _ type: ValueType) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    public var parameters: [Parameter]
    public var returns: Returns
    public var summary: String
    public var example: String

    public init(_ name: String, _ parameters: [Parameter], returns: Returns = .number,
                _ summary: String, example: String) {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.summary = summary
        self.example = example
    }

    /// `accuracy(<model>, <data>)`.
    public var signature: String {
        "\(name)(" + parameters.map { "<\($0.name)>" }.joined(separator: ", ") + ")"
    }
}
