import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, serializeError } from './logger.js';

describe('logger', () => {
  it('never logs the parameters of a failed query, at any depth', () => {
    const dbError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
    });
    const wrapped = new Error(
      'Failed query: insert into "api_keys" values ($1, $2)\nparams: secret-hmac,bzd_key',
      {
        cause: dbError,
      },
    );
    const out = serializeError(new Error('outer', { cause: wrapped }));
    const text = JSON.stringify(out);
    expect(text).not.toContain('secret-hmac');
    expect(text).not.toContain('bzd_key');
    expect(text).toContain('23505');
    expect(text).toContain('Failed query');
  });

  it('redacts secret fields and headers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ code: '12345678', token: 'eyJ.x.y', req: { headers: { 'x-api-key': 'bza_k' } } }, 'x');
    logger.error({ err: new Error('Failed query: select\nparams: 12345678') }, 'failed');
    const text = lines.join('');
    for (const secret of ['12345678', 'eyJ.x.y', 'bza_k']) expect(text).not.toContain(secret);
  });
});
