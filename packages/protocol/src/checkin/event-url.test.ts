import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64, toBase64Url } from '../bytes.js';
import { samplePayload, TEST_EVENT_HOSTS } from '../test-support/checkin-fixtures.js';
import { protocolErrorCode } from '../test-support/error-code.js';
import { readEventUrl } from './event-qr-code.js';
import { parseEventUrl } from './event-url.js';

const HOSTS = TEST_EVENT_HOSTS;

describe('event URLs', () => {
  it('accepts a padded payload, upper-case host and loopback over http', () => {
    const payload = samplePayload();
    const padded = toBase64(payload).replaceAll('+', '-').replaceAll('/', '_');
    expect(parseEventUrl(`https://BlueZone.gov.vn/c?v=1#${padded}`, HOSTS).payload).toEqual(payload);
    expect(parseEventUrl(`http://127.0.0.1:3000/c?v=1#${toBase64Url(payload)}`, HOSTS).kind).toBe('bluezone');
    expect(parseEventUrl(`https://bluezone.gov.vn:8443/c/?v=1#${padded}`, HOSTS).kind).toBe('bluezone');
  });
});

describe('hostile event URLs are refused with a code', () => {
  const good = toBase64Url(samplePayload());
  it.each([
    ['another host', `https://qr.notify-me.ch?v=2#${good}`, 'checkin_foreign_host'],
    ['another host with our path', `https://evil.example/c?v=1#${good}`, 'checkin_foreign_host'],
    ['a look-alike of CWA', `https://e.coronawarn.app.evil.example?v=1#${good}`, 'checkin_foreign_host'],
    ['CWA over http', `http://e.coronawarn.app?v=1#${good}`, 'checkin_invalid_url'],
    ['our host over http', `http://bluezone.gov.vn/c?v=1#${good}`, 'checkin_invalid_url'],
    ['our host, wrong path', `https://bluezone.gov.vn/d?v=1#${good}`, 'checkin_invalid_url'],
    [
      'CWA signed-trace-location URL',
      'https://e.coronawarn.app/c1/SINGED_ENCODED_LOCATION',
      'checkin_invalid_url',
    ],
    ['not a URL', 'hello', 'checkin_invalid_url'],
    ['empty', '', 'checkin_invalid_url'],
    ['user info in the host', `https://e.coronawarn.app@evil.example?v=1#${good}`, 'checkin_invalid_url'],
    ['URL version 2', `https://e.coronawarn.app?v=2#${good}`, 'checkin_unsupported_version'],
    ['our URL version 2', `https://bluezone.gov.vn/c?v=2#${good}`, 'checkin_unsupported_version'],
    ['no payload', 'https://e.coronawarn.app?v=1#', 'checkin_malformed'],
    [
      'standard base64 alphabet',
      `https://e.coronawarn.app?v=1#${good.slice(0, -4)}+/+/`,
      'checkin_malformed',
    ],
    [
      'impossible base64url length',
      `https://e.coronawarn.app?v=1#${good}A`.replace(/#.*/, '#AAAAA'),
      'checkin_malformed',
    ],
    ['5 KB URL', `https://e.coronawarn.app?v=1#${'A'.repeat(5000)}`, 'checkin_too_large'],
  ])('%s', (_name, text, code) => {
    expect(protocolErrorCode(() => readEventUrl(text, HOSTS))).toBe(code);
  });

  it('never throws anything but a ProtocolError on random URLs (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (suffix) => {
        expect(
          protocolErrorCode(() => readEventUrl(`https://e.coronawarn.app?v=1#${suffix}`, HOSTS)),
        ).toMatch(/^(checkin_|no error)/);
      }),
    );
  });
});
