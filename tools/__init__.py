"""Developer tooling, not part of the installed product: benchmark, soak, load generator, NLU evaluation."""
