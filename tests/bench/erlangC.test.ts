/** The Erlang C formula the kernel benchmark checks both M/M/c simulations against. */
import { describe, expect, it } from 'vitest';
import { erlangC, erlangCWq, utilisation } from '../../bench/mmc/erlangC';

describe('Erlang C', () => {
  it('gives the textbook M/M/3 value: λ = 2, μ = 1 waits with probability 4/9, Wq = 4/9', () => {
    // a = 2, c = 3: (a³/3!)·c/(c−a) = 4; Σ_{k<3} a^k/k! = 5; C = 4 / (5 + 4) = 4/9; Wq = C / (cμ − λ) = 4/9.
    const q = { lambda: 2, mu: 1, servers: 3 };
    expect(erlangC(q)).toBeCloseTo(4 / 9, 12);
    expect(erlangCWq(q)).toBeCloseTo(4 / 9, 12);
  });

  it('gives the M/M/2 value with a = 1: C = 1/3, Wq = 1/3', () => {
    expect(erlangC({ lambda: 1, mu: 1, servers: 2 })).toBeCloseTo(1 / 3, 12);
    expect(erlangCWq({ lambda: 1, mu: 1, servers: 2 })).toBeCloseTo(1 / 3, 12);
  });

  it('reduces to M/M/1: C = ρ and Wq = ρ / (μ − λ)', () => {
    const q = { lambda: 0.9, mu: 1.5, servers: 1 };
    expect(erlangC(q)).toBeCloseTo(0.6, 12);
    expect(erlangCWq(q)).toBeCloseTo(0.6 / 0.6, 12);
  });

  it('gives the benchmark queue M/M/4 at ρ = 0.8: C ≈ 0.59643, Wq ≈ 0.74554', () => {
    // a = 3.2: (a⁴/4!)·4/0.8 = 21.845333; Σ_{k<4} a^k/k! = 14.781333; C = 21.845333 / 36.626667.
    const q = { lambda: 3.2, mu: 1, servers: 4 };
    expect(utilisation(q)).toBeCloseTo(0.8, 12);
    expect(erlangC(q)).toBeCloseTo(21.845333 / 36.626667, 6);
    expect(erlangC(q)).toBeCloseTo(0.59643, 5);
    expect(erlangCWq(q)).toBeCloseTo(0.74554, 5);
  });

  it('stays finite for many servers and refuses an unstable queue', () => {
    expect(erlangC({ lambda: 180, mu: 1, servers: 200 })).toBeGreaterThan(0);
    expect(erlangC({ lambda: 180, mu: 1, servers: 200 })).toBeLessThan(1);
    expect(() => erlangC({ lambda: 4, mu: 1, servers: 4 })).toThrow(/ρ < 1/);
  });
});
