import ThawData
import ThawLang
import ThawNN
import ThawTune

extension Session {
    /// Throws unless `data`'s windows fit the language model's context. A GPT reads at most
    /// `context` tokens, and a soft prompt of `k` vectors takes `k` of them, so `prompt lm
    /// tokens 4` on a model whose context the data already fills leaves no room: the model
    /// would stop on its own precondition (a crash) at the first step rather than say so.
    func checkContext(_ module: Module, _ data: SequenceData, at range: SourceRange) throws {
        let needed = data.context
        if let tuned = module as? PromptTuned {
            let room = tuned.model.config.context - tuned.length
            guard needed <= room else {
                let fits = tuned.model.config.context - needed
                let advice = fits > 0 ? "use a prompt of at most \(fits) tokens"
                    : "the data fills the whole context, so a soft prompt needs a model with a longer one (`gpt on \(data.name) context \(needed + tuned.length)`)"
                throw LabError("`\(data.name)` has windows of \(needed) tokens, but after its \(tuned.length) soft-prompt vectors "
                               + "the model has room for \(room) (its context is \(tuned.model.config.context)): \(advice)", at: range)
            }
        } else if let gpt = module as? GPT, needed > gpt.config.context {
            throw LabError("`\(data.name)` has windows of \(needed) tokens, longer than the model's context of \(gpt.config.context)", at: range)
        }
    }
}
