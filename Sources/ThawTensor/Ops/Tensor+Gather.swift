/// Row lookups: embedding tables and batching.
extension Tensor {
    /// Embedding lookup: this table is `[V, d]`; `indices` (row numbers, laid out row-major in
    /// `indexShape`) pick rows, giving `indexShape + [d]`. Backward scatter-adds each output
    /// row's gradient into the row it came from (repeated indices add up); a frozen table
    /// gets nothing.
    public func gatherRows(_ indices: [Int], shape indexShape: [Int]) -> Tensor {
        precondition(rank == 2, "gatherRows: the table must be [V, d], got shape \(shape)")
        precondition(indices.count == indexShape.product,
                     "gatherRows: \(indices.count) indices do not fill index shape \(indexShape)")
        return takeRows(indices, outShape: indexShape + [shape[1]], op: "gatherRows")
    }

    /// The slices at `rows` along the first axis, in that order (a mini-batch out of a dataset
    /// tensor): `[R] + shape.dropFirst()`. Backward scatter-adds like `gatherRows`.
    public func selectRows(_ rows: [Int]) -> Tensor {
        precondition(rank >= 1, "selectRows: needs at least one dimension, got shape \(shape)")
        return takeRows(rows, outShape: [rows.count] + shape.dropFirst(), op: "selectRows")
    }

    private func takeRows(_ rows: [Int], outShape: [Int], op: String) -> Tensor {
        let v = shape[0], d = Array(shape.dropFirst()).product
        for r in rows where r < 0 || r >= v {
            preconditionFailure("\(op): index \(r) out of range for \(v) rows (shape \(shape))")
        }
        let total = rows.count * d
        let y = [Float](unsafeUninitializedCapacity: total) { buf, initialized in
            if total > 0 {
                data.withUnsafeBufferPointer { tp in
                    for (i, r) in rows.enumerated() {
                        (buf.baseAddress! + i * d).initialize(from: tp.baseAddress! + r * d, count: d)
                    }
                }
            }
            initialized = total
        }
        let table = self
        return .result(y, shape: outShape, inputs: [table]) { g in
            guard table.requiresGrad, total > 0 else { return }
            g.withUnsafeBufferPointer { gp in
                table.withGradBuffer { gt in
                    for (i, r) in rows.enumerated() {
                        let src = gp.baseAddress! + i * d, dst = gt.baseAddress! + r * d
                        for j in 0..<d { dst[j] += src[j] }
                    }
                }
            }
        }
    }
}
