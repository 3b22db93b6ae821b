// Event URLs: the text of a venue's QR code. Ours: https://<our host>/c?v=1#<payload>; Corona-Warn-App's:
// https://e.coronawarn.app?v=1#<payload>. The payload is base64url after '#', which browsers never send
// to a server: opening the link reveals nothing about the venue to anyone.

import { fromBase64Url, toBase64Url } from '../bytes.js';
import { ProtocolError } from '../errors.js';
import { MAX_EVENT_URL_LENGTH } from './checkin-limits.js';

/** Host of Corona-Warn-App's event URLs (accepted so posters printed with CWA's tools work). */
export const CWA_EVENT_HOST = 'e.coronawarn.app';
/** The URL version both formats carry in `?v=`. */
export const EVENT_URL_VERSION = 1;

/** Which format a URL was in. */
export type EventUrlKind = 'bluezone' | 'cwa';

/** Our event URL for a payload, on `origin` (scheme and host, e.g. "https://bluezone.gov.vn"). */
export function eventUrl(origin: string, payload: Uint8Array): string {
  return `${origin.replace(/\/+$/, '')}/c?v=${EVENT_URL_VERSION}#${toBase64Url(payload)}`;
}

/** Corona-Warn-App's event URL for a payload. */
export function cwaEventUrl(payload: Uint8Array): string {
  return `https://${CWA_EVENT_HOST}?v=${EVENT_URL_VERSION}#${toBase64Url(payload)}`;
}

/**
 * Hosts that serve our event URLs, e.g. ["bluezone.gov.vn", "127.0.0.1:3000"]. A host given without a
 * port matches any port.
 */
export interface EventUrlOptions {
  readonly hosts: readonly string[];
}

/** A parsed event URL: its format and the payload bytes (not yet decoded). */
export interface ParsedEventUrl {
  readonly kind: EventUrlKind;
  readonly host: string;
  readonly payload: Uint8Array;
}

const ANY_URL = /^(https?):\/\/([^/?#@\s]+)([^#]*)#(.*)$/i;
const CWA_PATH = /^\/?\?v=([^&]*)$/i;
const OUR_PATH = /^\/c\/?\?v=([^&]*)$/i;
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Splits an event URL into its payload bytes. Throws ProtocolError: `checkin_invalid_url` (not an event
 * URL), `checkin_foreign_host` (a URL of a host that is neither ours nor CWA's),
 * `checkin_unsupported_version` (`v` other than 1), `checkin_malformed` (payload not base64url),
 * `checkin_too_large`.
 */
export function parseEventUrl(text: string, options: EventUrlOptions): ParsedEventUrl {
  const url = text.trim();
  if (url.length > MAX_EVENT_URL_LENGTH) {
    throw new ProtocolError(
      'checkin_too_large',
      `the URL has ${url.length} characters, over the ${MAX_EVENT_URL_LENGTH} limit`,
    );
  }
  const parts = ANY_URL.exec(url);
  if (parts === null) throw notEventUrl(url);
  const [, schemeText = '', hostText = '', pathAndQuery = '', encoded = ''] = parts;
  const scheme = schemeText.toLowerCase();
  const host = hostText.toLowerCase();
  const kind = eventUrlKind(host, options);
  if (kind === undefined) {
    throw new ProtocolError(
      'checkin_foreign_host',
      `${host.slice(0, 80)} is neither a Bluezone host (${options.hosts.join(', ') || 'none configured'}) nor ${CWA_EVENT_HOST}`,
    );
  }
  const path = (kind === 'cwa' ? CWA_PATH : OUR_PATH).exec(pathAndQuery);
  if (path === null) throw notEventUrl(url);
  if (scheme !== 'https' && !(kind === 'bluezone' && LOOPBACK.test(host))) {
    throw new ProtocolError('checkin_invalid_url', `event URLs of ${host} use https, not ${scheme}`);
  }
  const version = path[1] ?? '';
  if (version !== String(EVENT_URL_VERSION)) {
    throw new ProtocolError(
      'checkin_unsupported_version',
      `event URL version "${version.slice(0, 20)}" is not supported (only v=${EVENT_URL_VERSION})`,
    );
  }
  if (encoded === '') throw new ProtocolError('checkin_malformed', 'the event URL has no payload after "#"');
  try {
    return { kind, host, payload: fromBase64Url(encoded) };
  } catch (error) {
    throw new ProtocolError('checkin_malformed', 'the payload after "#" is not base64url', { cause: error });
  }
}

function eventUrlKind(host: string, options: EventUrlOptions): EventUrlKind | undefined {
  if (host === CWA_EVENT_HOST) return 'cwa';
  const withoutPort = host.replace(/:\d+$/, '');
  const known = options.hosts.some((h) => {
    const entry = h.toLowerCase();
    return entry === host || (!/:\d+$/.test(entry) && entry === withoutPort);
  });
  return known ? 'bluezone' : undefined;
}

function notEventUrl(url: string): ProtocolError {
  return new ProtocolError(
    'checkin_invalid_url',
    `not an event URL (https://<host>/c?v=1#… or https://${CWA_EVENT_HOST}?v=1#…): "${url.slice(0, 60)}"`,
  );
}
