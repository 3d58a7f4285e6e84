/**
 * `cognito-emulator healthcheck`: the Docker HEALTHCHECK. Kept apart from the server's modules so the
 * probe that runs every few seconds loads only node:http(s).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { EmulatorConfig } from './config.js';

/** `healthcheck`: true when the emulator that these flags/env describe answers its health route. */
export function runHealthcheck(config: EmulatorConfig, timeoutMs = 3000): Promise<boolean> {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const request = config.tls ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      // Our own self-signed certificate on a local address: nothing to authenticate.
      { host, port: config.port, path: '/_emulator/health', method: 'GET', timeout: timeoutMs, rejectUnauthorized: false },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}
