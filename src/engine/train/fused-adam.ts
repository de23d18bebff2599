import * as tf from '@tensorflow/tfjs';
import { ADAM_STEP, type AdamStepAttrs } from '../kernels/adam-step';

/**
 * tf.train.adam with each variable's update as one kernel of ours (kernels/adam-step.ts) on the backends that have
 * it (wasm, cpu), and tfjs's own update elsewhere. Stays an AdamOptimizer (class name "Adam"), so the learning-rate
 * schedule and disposal treat it as one; its moments are variables of its own, kept by position like tfjs's.
 */
export class FusedAdam extends tf.AdamOptimizer {
  private moments: { m: tf.Variable; v: tf.Variable }[] = [];
  /** β₁ᵗ and β₂ᵗ as tfjs keeps them: float32 products, one factor per step (so the bias corrections match bit for bit). */
  private power1: number;
  private power2: number;

  constructor(learningRate: number) {
    super(learningRate, 0.9, 0.999);
    this.power1 = Math.fround(this.beta1);
    this.power2 = Math.fround(this.beta2);
  }

  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (tf.getKernel(ADAM_STEP, tf.getBackend()) === undefined) {
      super.applyGradients(variableGradients);
      return;
    }
    const named = Array.isArray(variableGradients) ? variableGradients : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const attrs: AdamStepAttrs = {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      correction1: Math.fround(1 - this.power1),
      correction2: Math.fround(1 - this.power2),
    };
    tf.tidy(() => {
      named.forEach(({ name, tensor: g }, i) => {
        const w = tf.engine().registeredVariables[name];
        this.moments[i] ??= { m: tf.variable(tf.zerosLike(w), false), v: tf.variable(tf.zerosLike(w), false) };
        if (g == null) return;
        const { m, v } = this.moments[i];
        const [w2, m2, v2] = tf.engine().runKernel(ADAM_STEP, { w, g, m, v }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(m2);
        v.assign(v2);
        w.assign(w2);
      });
    });
    this.power1 = Math.fround(this.power1 * Math.fround(this.beta1));
    this.power2 = Math.fround(this.power2 * Math.fround(this.beta2));
    this.incrementIterations();
  }

  override dispose(): void {
    super.dispose();
    for (const { m, v } of this.moments) tf.dispose([m, v]);
    this.moments = [];
  }
}
