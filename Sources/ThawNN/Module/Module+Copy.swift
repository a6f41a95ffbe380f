import ThawTensor

extension Module {
    /// A structurally identical deep copy: a module of the same class and configuration
    /// (`copyConfiguration()`), with copies of this one's parameters (values and trainable
    /// flags) and of its children, recursively, in the same order, so parameter paths match.
    ///
    /// Whatever fine-tuning did to the structure comes along because it lives in the child
    /// list like anything else: a new head, LoRA and adapter wrappers (with their merge
    /// state), a soft prompt. Nothing is shared: training the copy leaves this module alone.
    public func deepCopy() -> Self {
        let copy = copyConfiguration()
        precondition(type(of: copy) == type(of: self),
                     "\(type(of: self)) must override copyConfiguration() to be copied")
        copy.isTraining = isTraining
        copy.ownParameters = ownParameters.map { name, tensor in
            (name, tensor.detached().requiringGrad(tensor.requiresGrad))
        }
        copy.children = children.map { ($0.name, $0.module.deepCopy()) }
        return copy as! Self
    }
}
