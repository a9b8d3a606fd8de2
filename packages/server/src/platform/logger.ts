/** Structured logs with request ids and no personal data: no query strings, cookies or bodies. */
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.log.level,
    redact: [
      'req.headers.cookie',
      'req.headers["x-csrf-token"]',
      'req.headers.authorization',
      'res.headers["set-cookie"]',
    ],
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: maskSecrets(req.url.split('?')[0] ?? ''),
      }),
    },
    ...(config.log.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  };
}

/**
 * Tracking links and doorplate tokens are keys: whoever reads them opens a
 * resident's matter or page. Logs keep the shape of the path, not the key.
 */
export function maskSecrets(path: string) {
  return path.replace(/^\/(h|m)\/[^/]+/, '/$1/***').replace(/\/public\/(matters|doorplates)\/[^/]+/, '/public/$1/***');
}
