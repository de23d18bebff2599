// Learning-rate schedules, stepped once per epoch as PyTorch's schedulers are when scheduler.step() ends an epoch.

import type { LrSchedule } from '../contract/config';

/**
 * The learning rate of epoch `epoch` (0-based) of `epochs`:
 * - constant: the base rate throughout;
 * - cosine: CosineAnnealingLR with T_max = epochs and η_min = 0, base · ½(1 + cos(π · epoch / epochs));
 * - step: the CIFAR ResNet recipe (He et al. 2016), MultiStepLR with γ = 0.1 at 50% and 75% of the epochs.
 */
export function scheduledRate(base: number, schedule: LrSchedule, epoch: number, epochs: number): number {
  switch (schedule) {
    case 'constant':
      return base;
    case 'cosine':
      return base * 0.5 * (1 + Math.cos((Math.PI * epoch) / epochs));
    case 'step': {
      // A milestone at epoch 0 would only rescale the base rate (a 1-epoch phase), so milestones start at epoch 1; in
      // short phases the two coincide (2 epochs: both at 1) and count once, so the rate never drops 100× in one step.
      const milestones = [...new Set([Math.floor(epochs * 0.5), Math.floor(epochs * 0.75)])].filter((m) => m > 0);
      return base * 0.1 ** milestones.filter((m) => epoch >= m).length;
    }
  }
}
