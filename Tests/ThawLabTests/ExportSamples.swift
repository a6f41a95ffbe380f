import Foundation
import ThawLab

/// Outputs and transcripts the render and export tests share: shaped like what the session
/// produces (a layer table, metrics, a loss plot, checks), with exact, formula-made numbers.
enum ExportSamples {
    static let layerTable = Table(
        title: "net (mlp 64 128 128 10)",
        columns: ["path", "shape", "params", "trainable", "lr"],
        alignments: [.left, .left, .right, .left, .right],
        rows: [
            ["net.0", "[128, 64]", "8,320", "no", "—"],
            ["net.2", "[128, 128]", "16,512", "no", "—"],
            ["net.4", "[10, 128]", "1,290", "yes", "1e-3"],
        ],
        footer: [["total", "", "26,122", "", ""]])

    static let metrics: [Metric] = [
        Metric("accuracy", 0.9731, .percent),
        Metric("loss", 0.0841, .decimals(4)),
        Metric("examples", 12345, .count),
    ]

    static let passed = CheckResult(claim: "expect accuracy(net, old) > 0.9", passed: true,
                                    values: ["accuracy(net, old) = 0.973"])
    static let failed = CheckResult(claim: "accuracy(net, old) > 0.9", passed: false,
                                    values: ["accuracy(net, old) = 0.412"],
                                    message: "net forgot task A: accuracy on old fell from 97.3% to 41.2%.")

    /// Training loss every step and validation loss every fifth step, as a run records them.
    static let lossPlot = Plot(
        title: "loss", xLabel: "step", yLabel: "loss",
        series: [
            Plot.Series(name: "train", points: (0...40).map { s in
                Plot.Point(Double(s), 2.3 * exp(-Double(s) / 6) + 0.08 + 0.02 * sin(Double(s)))
            }),
            Plot.Series(name: "valid", points: stride(from: 0, through: 40, by: 5).map { s in
                Plot.Point(Double(s), 2.3 * exp(-Double(s) / 8) + 0.2)
            }),
        ])

    /// A learning-rate schedule on a log axis: linear warm-up, then cosine decay.
    static let lrPlot = Plot(
        title: "learning rate", xLabel: "step", yLabel: "lr",
        series: [Plot.Series(name: "lr", points: (0...100).map { s in
            let x = Double(s)
            let lr = s < 10 ? 1e-3 * (x + 1) / 10 : 1e-5 + (1e-3 - 1e-5) * 0.5 * (1 + cos(.pi * (x - 10) / 90))
            return Plot.Point(x, lr)
        })],
        logY: true)

    static let transcript = Transcript(title: "Catastrophic forgetting", cells: [
        .markdown("# Catastrophic forgetting\n\nTrain on task A, then on task B, and watch A fade."),
        .code(TranscriptEntry(source: "show net", outputs: [.table(layerTable)], executionCount: 1)),
        .code(TranscriptEntry(source: "train net on old epochs 8 lr 1e-3 opt adam",
                              outputs: [.text("epoch 8/8  loss 0.0841  accuracy 97.3%"), .plot(lossPlot)],
                              executionCount: 2)),
        .markdown("Now check what it learned, and what it forgot:"),
        .code(TranscriptEntry(source: "eval net on old\nexpect accuracy(net, old) > 0.9",
                              outputs: [.metrics(metrics), .check(passed)], executionCount: 3)),
        .code(TranscriptEntry(source: "expect accuracy(net, old) > 0.9", outputs: [.check(failed)],
                              executionCount: 4)),
        .code(TranscriptEntry(source: "freeze net.9",
                              outputs: [.error("no layer net.9 in net (layers: net.0, net.2, net.4)"),
                                        .note("did you mean `freeze net.4`?")],
                              executionCount: 5)),
        .code(TranscriptEntry(source: "plot lr", outputs: [.plot(lrPlot)], executionCount: 6)),
    ])
}
