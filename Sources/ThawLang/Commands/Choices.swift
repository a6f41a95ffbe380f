/// The fixed word lists of the language, one enum each: a case is a word a learner may
/// write. ThawLab maps each to the engine's own type in one exhaustive `switch`, so a new
/// word cannot be accepted without code that runs it.

public enum OptimizerChoice: String, ChoiceValue { case sgd, adam, adamw }

public enum ScheduleChoice: String, ChoiceValue { case constant, linear, cosine, onecycle, stlr }

public enum UnfreezeChoice: String, ChoiceValue { case none, gradual }

public enum BalanceChoice: String, ChoiceValue { case none, weights, oversample }

public enum AugmentChoice: String, ChoiceValue { case none, shift, affine }

public enum ActivationChoice: String, ChoiceValue { case relu, gelu, tanh, sigmoid }

public enum InitChoice: String, ChoiceValue { case uniform, normal, xavier, kaiming }

public enum NormChoice: String, ChoiceValue { case none, layer }

public enum QuantizationFormat: String, ChoiceValue { case int, nf4 }

public enum PlotChoice: String, ChoiceValue { case loss, accuracy, lr, forgetting, gradnorm }
