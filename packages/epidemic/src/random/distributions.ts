/**
 * Sampling algorithms on a uniform source, kept apart from the generator so that they can be tested
 * and reused on any `() => number` in [0, 1).
 */

/** A uniform source in [0, 1). */
export type Uniform = () => number;

/** Standard normal by the Box–Muller transform (one of the pair is used: simple and reproducible). */
export function standardNormal(uniform: Uniform): number {
  let u = uniform();
  while (u === 0) u = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
}

/**
 * Gamma(shape, scale) by Marsaglia and Tsang, "A simple method for generating gamma variables"
 * (ACM TOMS 2000); shape < 1 through the boost U^(1/shape).
 */
export function gamma(uniform: Uniform, shape: number, scale: number): number {
  if (shape < 1) return gamma(uniform, shape + 1, scale) * uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = standardNormal(uniform);
    let v = 1 + c * x;
    while (v <= 0) {
      x = standardNormal(uniform);
      v = 1 + c * x;
    }
    v = v * v * v;
    const u = uniform();
    if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** log Γ(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients; ~15 digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const coefficients = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = coefficients[0] ?? 1;
  for (let i = 1; i < coefficients.length; i++) sum += (coefficients[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Poisson(mean): multiplication of uniforms (Knuth) below mean 30, above it Hörmann's transformed
 * rejection with squeeze, "The transformed rejection method for generating Poisson random variables"
 * (Insurance: Mathematics and Economics 1993).
 */
export function poisson(uniform: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = uniform();
    while (product > limit) {
      k++;
      product *= uniform();
    }
    return k;
  }
  const root = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * root;
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const squeeze = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = uniform() - 0.5;
    const v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= squeeze) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/**
 * Regularised lower incomplete gamma P(shape, x): the gamma CDF at x / scale. Power series below
 * x < shape + 1, Lentz's continued fraction above (both converge fast there); ~1e-12 accurate.
 */
export function gammaCdf(x: number, shape: number, scale: number): number {
  const z = x / scale;
  if (!(z > 0)) return 0;
  const logPrefix = shape * Math.log(z) - z - logGamma(shape);
  if (z < shape + 1) {
    let term = 1 / shape;
    let sum = term;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= z / (shape + n);
      sum += term;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = z + 1 - shape;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let n = 1; n < 500; n++) {
    const a = -n * (n - shape);
    b += 2;
    d = a * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * fraction);
}
