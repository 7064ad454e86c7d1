import type { Distribution } from '../../scenarios/schema';
import { nextFloat, nextNormal, type RandomState } from './random';

/** Draws a duration in whole milliseconds from a scenario distribution. */
export function sampleMs(dist: Distribution, rng: RandomState, stream: string): number {
  switch (dist.distribution) {
    case 'fixed':
      return Math.round(dist.ms);
    case 'uniform': {
      const lo = Math.min(dist.minMs, dist.maxMs);
      const hi = Math.max(dist.minMs, dist.maxMs);
      return Math.round(lo + (hi - lo) * nextFloat(rng, stream));
    }
    case 'lognormal':
      return Math.round(dist.medianMs * Math.exp(dist.sigma * nextNormal(rng, stream)));
  }
}
