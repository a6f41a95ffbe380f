/// Outputs as Jupyter sees them, for a live kernel (`thaw kernel serve`): the same nbformat
/// output objects the notebook export writes — stdout text, tables as HTML, plots as SVG,
/// errors and failed checks as `error` outputs with the terminal rendering as traceback — each
/// as one line of JSON, so what a notebook shows when it runs is what an export would have
/// stored.
public enum KernelOutputs {
    public static func jsonLines(_ outputs: [Output]) -> [String] {
        Notebook.outputs(outputs).map { $0.compact() }
    }
}
