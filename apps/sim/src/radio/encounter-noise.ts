import { mix32 } from '@bluezone/epidemic';

/**
 * Standard normal values that are a pure function of a few integers (a salt and the keys), so that
 * the shadowing of an encounter or a phone's offset is the same whenever it is asked for, without
 * storing it: two hashed 32-bit uniforms through Box–Muller.
 */
export function hashedNormal(salt: number, k1: number, k2: number, k3: number): number {
  const h1 = mix32(salt ^ mix32(k1 ^ mix32(k2 ^ mix32(k3))));
  const h2 = mix32(h1 ^ 0x9e3779b9);
  const u1 = (h1 + 1) / 4_294_967_297;
  const u2 = h2 / 4_294_967_296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
