/**
 * The M/M/c queue in closed form (Erlang C): the probability that an arrival has to wait, and the mean
 * wait in queue Wq. The kernel benchmark checks both simulations against it.
 */

/** Parameters of an M/M/c queue: Poisson arrivals at rate λ, c servers, exponential service at rate μ. */
export interface MmcQueue {
  /** Arrival rate λ (customers per unit of time). */
  lambda: number;
  /** Service rate μ of one server. */
  mu: number;
  /** Number of servers c. */
  servers: number;
}

/** Server utilisation ρ = λ / (c μ). */
export function utilisation(q: MmcQueue): number {
  return q.lambda / (q.servers * q.mu);
}

/**
 * Erlang C: the probability that an arriving customer waits, C(c, a) with offered load a = λ/μ.
 * Computed through the Erlang B recursion B(k) = a B(k-1) / (k + a B(k-1)), which stays stable for
 * large c, then C = B / (1 - ρ (1 - B)).
 */
export function erlangC(q: MmcQueue): number {
  const rho = utilisation(q);
  if (!(rho < 1)) throw new Error(`Erlang C needs ρ < 1 (got ρ = ${rho})`);
  if (!Number.isInteger(q.servers) || q.servers < 1) throw new Error(`c must be a whole number ≥ 1`);
  const a = q.lambda / q.mu;
  let b = 1;
  for (let k = 1; k <= q.servers; k++) b = (a * b) / (k + a * b);
  return b / (1 - rho * (1 - b));
}

/** Mean wait in queue Wq = C(c, a) / (c μ − λ). */
export function erlangCWq(q: MmcQueue): number {
  return erlangC(q) / (q.servers * q.mu - q.lambda);
}
