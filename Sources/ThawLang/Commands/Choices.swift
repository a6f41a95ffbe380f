/// The fixed word lists of the language, one enum each: a case is a word a learner may
/// write. ThawLab maps each to the engine's own type in one exhaustive `switch`, so a new
/// word cannot be accepted without code that runs it.

public enum OptimizerChoice: String, ChoiceValue { case sgd, adam, adamw }

/// What `train` minimises: cross-entropy, cross-entropy against smoothed labels, or the
/// squared error between the outputs and one-hot labels.
public enum LossChoice: String, ChoiceValue { case ce, smooth, mse }

/// How `search` places its trials: every combination of evenly spaced values, or values drawn at random.
public enum SearchMethodChoice: String, ChoiceValue { case grid, random }

public enum ScheduleChoice: String, ChoiceValue { case constant, linear, cosine, onecycle, stlr }

public enum UnfreezeChoice: String, ChoiceValue { case none, gradual }

/// `groups` oversamples each class split by whether its marker pixel agrees (`transform … marker`).
public enum BalanceChoice: String, ChoiceValue { case none, weights, oversample, groups }

/// `shift`: whole-pixel shifts; `affine`: sub-pixel shifts, small turns and zooms; `marker`: the
/// marker pixel moved to a random spot.
public enum AugmentChoice: String, ChoiceValue { case none, shift, affine, marker }

public enum ActivationChoice: String, ChoiceValue { case relu, gelu, tanh, sigmoid }

public enum InitChoice: String, ChoiceValue { case uniform, normal, xavier, kaiming }

public enum NormChoice: String, ChoiceValue { case none, layer }

public enum QuantizationFormat: String, ChoiceValue { case int, nf4 }

public enum PlotChoice: String, ChoiceValue { case loss, accuracy, lr, forgetting, gradnorm }
