/**
 * TF-MOT's PolynomialDecay sparsity schedule: s_t = s_f + (s_i − s_f)·(1 − t/T)^power for t in [0, T], so pruning
 * is fast at first and slows as the model approaches the final sparsity s_f, reached exactly at t = T.
 */
export function polynomialDecaySparsity(step: number, endStep: number, initial: number, final: number, power = 3): number {
  if (endStep <= 0 || step >= endStep) return final;
  const t = Math.max(0, step) / endStep;
  return final + (initial - final) * (1 - t) ** power;
}
