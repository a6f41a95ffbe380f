import Testing
import ThawLang

@Suite("Layer paths")
struct LayerPathTests {
    @Test func globsMatchWithinOneSegment() {
        let attention = LayerPath(parsing: "gpt.blocks.*.attn")
        #expect(attention.isGlob)
        #expect(attention.matches("gpt.blocks.0.attn"))
        #expect(attention.matches("gpt.blocks.12.attn"))
        #expect(!attention.matches("gpt.blocks.0.mlp"))
        #expect(!attention.matches("gpt.blocks.0.attn.q"))
        #expect(attention.covers("gpt.blocks.0.attn.q"))
        #expect(LayerPath(parsing: "net.h*").matches("net.head"))
        #expect(LayerPath(parsing: "net.*d").matches("net.head"))
        #expect(!LayerPath(parsing: "net.*x").matches("net.head"))
        #expect(LayerPath(parsing: "net.**").matches("net.0"))
    }

    @Test func plainPathsAndRoots() {
        let path = LayerPath(parsing: "net.0")
        #expect(!path.isGlob && path.root == "net" && path.description == "net.0")
        #expect(path.covers("net.0.weight") && !path.covers("net.1.weight") && !path.covers("net"))
    }
}
