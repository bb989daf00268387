"""Scale benchmarks: a synthetic multilingual news corpus and the timing script."""
