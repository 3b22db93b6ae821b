/** Density of the standard normal distribution. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Cumulative standard normal, Φ(z), from the complementary error function approximation of
 * W. J. Cody's rational form as given in Numerical Recipes (erfc with fractional error < 1.2e-7).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Mean and standard deviation of the readings a receiver keeps when true readings are normal
 * (mean `mean`, sd `sd`) and each is heard with probability Φ((reading − floor) / width): a normal
 * selected on a correlated normal (mean + σ²/s·λ, variance σ² − σ⁴/s²·λ(λ + z), s² = σ² + width²,
 * z = (mean − floor)/s, λ = φ(z)/Φ(z)). Also returns the share heard, Φ(z).
 */
export function heardMoments(
  mean: number,
  sd: number,
  floor: number,
  width: number,
): { mean: number; sd: number; heard: number } {
  const s = Math.sqrt(sd * sd + width * width);
  const z = (mean - floor) / s;
  const heard = normalCdf(z);
  const lambda = heard > 1e-12 ? normalPdf(z) / heard : -z;
  const variance = sd * sd - (sd ** 4 / (s * s)) * lambda * (lambda + z);
  return { mean: mean + ((sd * sd) / s) * lambda, sd: Math.sqrt(Math.max(variance, 1e-6)), heard };
}
