/**
 * GET/POST /_emulator/clock: read or move the emulator's clock. Every expiry (codes, sessions, tokens,
 * lockouts) and every issued token's iat/exp follow it. The clock is one per emulator: moving it affects
 * every pool and every client of this emulator at once.
 *
 * POST takes exactly one action:
 *   {"advance": "1h"}            move forward ("90s", "1d2h", "-5m", "250ms", or a number of seconds)
 *   {"advanceSeconds": 3600}     the same, in seconds
 *   {"set": "2030-01-01T00:00:00Z"}  jump to an instant (ISO-8601 or epoch seconds); time keeps flowing
 *   {"pin": "2030-01-01T00:00:00Z"}  jump there and stop the clock ({"pin": true} stops it where it is)
 *   {"resume": true}             let a pinned clock run again from where it stands
 *   {"reset": true}              back to the system clock
 * and answers with the clock's state, as GET does.
 */
import type { FastifyInstance } from 'fastify';
import type { AdjustableClock } from '../clock.js';
import { fail } from '../errors.js';
import type { Services } from '../protocol/operation.js';
import { parseDuration, parseInstant } from './duration.js';

export interface ClockState {
  readonly now: string;
  readonly epochSeconds: number;
  readonly epochMs: number;
  readonly pinned: boolean;
  /** How far the emulator's time is from the system clock. */
  readonly offsetSeconds: number;
}

const actions = ['advance', 'advanceSeconds', 'set', 'pin', 'resume', 'reset'] as const;

export function clockState(clock: AdjustableClock): ClockState {
  const epochMs = clock.now();
  return {
    now: new Date(epochMs).toISOString(),
    epochSeconds: epochMs / 1000,
    epochMs,
    pinned: clock.isPinned,
    offsetSeconds: (epochMs - Date.now()) / 1000,
  };
}

export function registerClockRoutes(app: FastifyInstance, services: Services): void {
  const { clock } = services;

  app.get('/_emulator/clock', async () => clockState(clock));

  app.post('/_emulator/clock', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) fail('InvalidParameterException', 'The body must be a JSON object.');
    const given = actions.filter((action) => body[action] !== undefined);
    if (given.length !== 1) {
      fail('InvalidParameterException', `Send exactly one of ${actions.join(', ')} (got ${given.length === 0 ? 'none' : given.join(', ')}).`);
    }
    const action = given[0]!;
    const value = body[action];
    switch (action) {
      case 'advance':
      case 'advanceSeconds': {
        const ms = action === 'advance' ? parseDuration(value) : typeof value === 'number' ? parseDuration(value) : undefined;
        if (ms === undefined) fail('InvalidParameterException', `${action} must be a duration such as "1h", "90s", "1d2h" or a number of seconds.`);
        clock.advance(ms);
        break;
      }
      case 'set':
      case 'pin': {
        if (action === 'pin' && value === true) {
          clock.pin(clock.now());
          break;
        }
        const at = parseInstant(value);
        if (at === undefined) fail('InvalidParameterException', `${action} must be an ISO-8601 time or epoch seconds${action === 'pin' ? ', or true' : ''}.`);
        clock.pin(at);
        if (action === 'set') clock.resume();
        break;
      }
      case 'resume':
        clock.resume();
        break;
      case 'reset':
        clock.reset();
        break;
    }
    request.log.info({ clock: clockState(clock) }, `clock: ${action}`);
    return clockState(clock);
  });
}
