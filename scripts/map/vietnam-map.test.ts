import { readFileSync, statSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';

// The committed map (scripts/map/build-vietnam-map.mjs writes it) against the committed area data.

const root = new URL('../..', import.meta.url).pathname;
const MAP = `${root}apps/console/src/map/vietnam-provinces.topo.json`;
const topology = JSON.parse(readFileSync(MAP, 'utf8')) as Topology<{ provinces: GeometryCollection }>;
const areas = JSON.parse(readFileSync(`${root}apps/server/data/areas/vn-2020.json`, 'utf8')) as {
  provinces: { iso: string; vi: string; en: string }[];
};
type Properties = { vi: string; en: string; kind: string; province?: string; district?: string };
const collection = feature(topology, topology.objects.provinces) as GeoJSON.FeatureCollection<
  GeoJSON.Geometry,
  Properties
>;

/** Twice the signed planar area of a ring: negative when clockwise. */
const area = (ring: number[][]) =>
  ring.reduce((s, p, i) => {
    const q = ring[(i + 1) % ring.length] as number[];
    return s + (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
  }, 0);

describe('the province map', () => {
  it('has one feature per province of vn-2020, keyed by ISO code, named as the data names it', () => {
    const provinces = collection.features.filter((f) => f.properties?.kind === 'province');
    expect(provinces).toHaveLength(63);
    expect(provinces.map((f) => f.id).sort()).toEqual(areas.provinces.map((p) => p.iso).sort());
    for (const p of areas.provinces) {
      const f = provinces.find((x) => x.id === p.iso);
      expect(f?.properties, p.iso).toEqual({ vi: p.vi, en: p.en, kind: 'province' });
    }
    // The three that Natural Earth labels with region names.
    const name = (id: string) => provinces.find((f) => f.id === id)?.properties?.vi;
    expect([name('VN-39'), name('VN-53'), name('VN-66')]).toEqual(['Đồng Nai', 'Bắc Kạn', 'Hưng Yên']);
  });

  it('shows Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) where they are', () => {
    const hoangSa = collection.features.find((f) => f.id === 'VN-HOANG-SA');
    const truongSa = collection.features.find((f) => f.id === 'VN-TRUONG-SA');
    expect(hoangSa?.properties).toMatchObject({
      kind: 'archipelago',
      province: 'VN-DN',
      vi: 'Quần đảo Hoàng Sa',
    });
    expect(truongSa?.properties).toMatchObject({
      kind: 'archipelago',
      province: 'VN-34',
      vi: 'Quần đảo Trường Sa',
    });
    const points = (f: typeof hoangSa) =>
      f?.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : [];
    for (const [lon, lat] of points(hoangSa)) {
      expect(lat).toBeGreaterThan(15.5);
      expect(lat).toBeLessThan(17.2);
      expect(lon).toBeGreaterThan(111);
      expect(lon).toBeLessThan(113);
    }
    for (const [lon, lat] of points(truongSa)) {
      expect(lat).toBeGreaterThan(8.4);
      expect(lat).toBeLessThan(11.6);
      expect(lon).toBeGreaterThan(111.7);
      expect(lon).toBeLessThan(114.7);
    }
    expect(collection.features).toHaveLength(65);
  });

  it('winds exterior rings clockwise (d3-geo), stays inside Viet Nam, and is small', () => {
    for (const f of collection.features) {
      const polygons =
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates
            : [];
      expect(polygons.length, String(f.id)).toBeGreaterThan(0);
      for (const [outer] of polygons) {
        expect(outer?.length, String(f.id)).toBeGreaterThanOrEqual(4);
        expect(area(outer as number[][]), String(f.id)).toBeLessThan(0);
        for (const [lon, lat] of outer as number[][]) {
          expect(lon).toBeGreaterThan(102);
          expect(lon).toBeLessThan(115);
          expect(lat).toBeGreaterThan(8);
          expect(lat).toBeLessThan(23.5);
        }
      }
    }
    expect(topology.transform).toBeDefined();
    const size = statSync(MAP).size;
    expect(size).toBeGreaterThan(40_000);
    expect(size).toBeLessThan(150_000);
  });
});
