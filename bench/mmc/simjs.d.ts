/**
 * The part of SIM.JS (npm `simjs`, 2.0.3) the benchmark uses. The package ships no types, and its
 * `sim.js` is a browserify bundle that exports nothing to `require`: it sets `window.Sim` when `window`
 * exists, so `loadSimjs()` (simjsMmc.ts) reads the library from there.
 */
declare module 'simjs' {
  export class Request {
    /** Calls `callback` (with `this` = `context`, else the entity) when the request is delivered. */
    done(callback: (...args: unknown[]) => void, context?: object, argument?: unknown): this;
  }

  export class Sim {
    constructor();
    time(): number;
    addEntity<T extends Entity>(
      klass: new (sim: Sim, name?: string) => T,
      name?: string,
      ...args: unknown[]
    ): T;
    /** Delivers events until the agenda is empty or past `endTime`; `maxEvents` bounds how many. */
    simulate(endTime: number, maxEvents?: number): boolean;
  }

  export class Entity {
    constructor(sim: Sim, name?: string);
    readonly sim: Sim;
    time(): number;
    setTimer(duration: number): Request;
    useFacility(facility: Facility, duration: number): Request;
  }

  export class Facility {
    static readonly FCFS: number;
    static readonly LCFS: number;
    static readonly PS: number;
    constructor(name: string, discipline?: number, servers?: number, maxqlen?: number);
  }

  /** Mersenne Twister with the usual distributions; `exponential(λ)` has mean 1/λ. */
  export class Random {
    constructor(seed?: number);
    random(): number;
    exponential(lambda: number): number;
  }

  export interface SimJs {
    Sim: typeof Sim;
    Entity: typeof Entity;
    Facility: typeof Facility;
    Random: typeof Random;
    Request: typeof Request;
  }
}
