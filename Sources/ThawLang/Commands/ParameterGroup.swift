/// Parameters shared by several commands, declared once in a struct of their own and held
/// as a plain stored property (swift-argument-parser calls this an option group): `gpt` and
/// `encoder` both take `TransformerShape`'s `layers`, `heads`, `width`…
///
/// The catalogue reads the group's parameters in place, in declaration order, and decoding
/// fills them like the command's own.
public protocol ParameterGroup: Sendable {
    init()
}
