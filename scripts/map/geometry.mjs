// Ring winding and arc simplification for scripts/map/build-vietnam-map.mjs (plain functions, no
// dependencies, so the repository's tests can exercise them).

/** Twice the signed planar area of a ring (lon, lat): positive when counter-clockwise. */
export function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum;
}

const wind = (ring, clockwise) => (ringArea(ring) < 0 === clockwise ? ring : [...ring].reverse());

/**
 * d3-geo (and so ECharts' projections of it) reads a ring's winding on the sphere: an exterior ring
 * must run clockwise, a hole counter-clockwise, or the polygon is taken as the whole globe minus it.
 * GeoJSON (RFC 7946) recommends the opposite; Natural Earth mixes both.
 */
export function rewindForD3(geometry) {
  const polygon = (rings) => rings.map((ring, i) => wind(ring, i === 0));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
  throw new Error(`unexpected geometry ${geometry.type}`);
}

function distanceToSegment(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker on one line: its end points always stay. */
export function simplifyLine(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * Simplifies every arc of an unquantized topology once, so neighbouring provinces keep sharing the
 * same border (no gaps, no overlaps). An arc that closes a ring on its own keeps at least 4 points.
 */
export function simplifyTopology(topology, tolerance) {
  const arcs = topology.arcs.map((arc) => {
    const simple = simplifyLine(arc, tolerance);
    const closed = arc.length > 3 && arc[0][0] === arc.at(-1)[0] && arc[0][1] === arc.at(-1)[1];
    if (!closed || simple.length >= 4) return simple;
    const step = (arc.length - 1) / 3;
    return [0, 1, 2, 3].map((k) => arc[Math.round(k * step)]);
  });
  return { ...topology, arcs };
}
