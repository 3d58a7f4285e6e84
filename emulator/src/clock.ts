/**
 * The emulator's sense of time. Every expiry (codes, sessions, tokens) reads this clock, so tests can
 * move it instead of waiting. It starts as the system clock; it can be advanced (an offset) or pinned.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number;
}

export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private pinnedAtMs: number | undefined;

  constructor(private readonly systemNow: () => number = Date.now) {}

  now(): number {
    return this.pinnedAtMs ?? this.systemNow() + this.offsetMs;
  }

  /** Moves time forward (or back, with a negative value); a pinned clock stays pinned at the new time. */
  advance(ms: number): void {
    if (this.pinnedAtMs !== undefined) this.pinnedAtMs += ms;
    else this.offsetMs += ms;
  }

  /** Stops the clock at `epochMs` until `resume()`. */
  pin(epochMs: number): void {
    this.pinnedAtMs = epochMs;
  }

  /** Lets time flow again from where it is now. */
  resume(): void {
    if (this.pinnedAtMs === undefined) return;
    this.offsetMs = this.pinnedAtMs - this.systemNow();
    this.pinnedAtMs = undefined;
  }

  /** Back to the system clock. */
  reset(): void {
    this.offsetMs = 0;
    this.pinnedAtMs = undefined;
  }

  get isPinned(): boolean {
    return this.pinnedAtMs !== undefined;
  }
}

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);
