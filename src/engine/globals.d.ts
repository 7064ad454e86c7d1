// The engine's tsconfig has no DOM lib; structuredClone exists in every host it runs in (Node ≥ 17,
// browsers, workers) and is what makes checkpoints a one-line deep copy.
declare function structuredClone<T>(value: T): T;
