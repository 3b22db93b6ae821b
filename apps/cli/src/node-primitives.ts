// node:crypto-backed matching primitives for the CLI (the protocol package stays pure and takes them
// as a parameter). What the measurements in docs/performance.md settled on:
//
// - RPIK: the protocol's pure-JS zero-salt HKDF. node:crypto has no call cheap enough: hkdfSync costs
//   ~13 µs and createHmac ~3.4 µs per HMAC (HKDF needs two), the JS version ~3 µs for all six
//   SHA-256 compressions.
// - RPIs: per key, the pure-JS T-table AES when few blocks are needed, else one 'aes-128-ecb'
//   cipher and one update over all the needed PaddedData blocks (OpenSSL with AES-NI; its cost is
//   almost all per-call overhead: ~1.8 µs to create, ~1.4 µs per update).

import { createCipheriv, hkdfSync } from 'node:crypto';
import { jsMatchingPrimitives, type MatchingPrimitives } from '@bluezone/protocol';

/** Below this many blocks per key the pure-JS AES is faster than a node:crypto cipher. */
export const DEFAULT_MIN_NODE_BLOCKS = 24;

/** "EN-RPI" ‖ six zero bytes: the constant part of every PaddedData block. */
const PADDED_PREFIX = Buffer.from('454e2d525049000000000000', 'hex');

function paddedDataWriter() {
  const input = Buffer.alloc(16 * 144);
  for (let n = 0; n < 144; n++) PADDED_PREFIX.copy(input, 16 * n);
  const words = new DataView(input.buffer, input.byteOffset, input.length);
  return (intervals: Uint32Array, count: number): Buffer => {
    for (let n = 0; n < count; n++) words.setUint32(16 * n + 12, intervals[n] as number, true);
    return input.subarray(0, 16 * count);
  };
}

/**
 * Hybrid primitives: pure-JS HKDF; AES by node:crypto ECB when a key needs at least `minNodeBlocks`
 * RPIs, by the pure-JS T-tables below that (0: always node:crypto).
 */
export function nodeMatchingPrimitives(minNodeBlocks = DEFAULT_MIN_NODE_BLOCKS): MatchingPrimitives {
  const padded = paddedDataWriter();
  return {
    rpiKey: jsMatchingPrimitives.rpiKey,
    rpis(rpik, intervals, count, out) {
      if (count < minNodeBlocks) {
        jsMatchingPrimitives.rpis(rpik, intervals, count, out);
        return;
      }
      const cipher = createCipheriv('aes-128-ecb', rpik, null);
      out.set(cipher.update(padded(intervals, count)));
      // final() frees OpenSSL's context now rather than at garbage collection, which V8 schedules
      // without seeing that native memory: ~0.3 µs per key for 15–25 MB less peak RSS per million keys.
      cipher.final();
    },
  };
}

const EMPTY = Buffer.alloc(0);

/** The naive baseline: one hkdfSync and one ECB cipher per key, as the issue describes it. */
export function naiveNodeMatchingPrimitives(): MatchingPrimitives {
  const padded = paddedDataWriter();
  return {
    rpiKey(tek, out) {
      out.set(new Uint8Array(hkdfSync('sha256', tek, EMPTY, 'EN-RPIK', 16)));
    },
    rpis(rpik, intervals, count, out) {
      out.set(createCipheriv('aes-128-ecb', rpik, null).update(padded(intervals, count)));
    },
  };
}
