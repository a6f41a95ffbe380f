// ThawNN: see docs/architecture.md for what this target owns.
