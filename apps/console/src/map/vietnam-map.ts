import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { echarts } from '../components/echart.js';
import topology from './vietnam-provinces.topo.json';

/** Properties of a map feature (docs/areas.md, The map). */
export interface MapFeatureProperties {
  vi: string;
  en: string;
  kind: 'province' | 'archipelago';
  /** For an archipelago: the province it belongs to (VN-DN, VN-34). */
  province?: string;
}

export const MAP_NAME = 'vietnam-provinces';

export interface MapRegion extends MapFeatureProperties {
  /** ISO 3166-2 code, or VN-HOANG-SA / VN-TRUONG-SA. */
  id: string;
}

let regions: MapRegion[] | undefined;

/**
 * Registers the 63 provinces with Hoàng Sa and Trường Sa as an ECharts map (once) and returns its
 * regions. ECharts matches series data by `properties.name`: here the feature's ISO code.
 */
export function registerVietnamMap(): readonly MapRegion[] {
  if (regions) return regions;
  const topo = topology as unknown as Topology<{ provinces: GeometryCollection<MapFeatureProperties> }>;
  const collection = feature(topo, topo.objects.provinces);
  const features = collection.features.map((f) => ({
    ...f,
    properties: { ...(f.properties as MapFeatureProperties), name: String(f.id) },
  }));
  echarts.registerMap(MAP_NAME, {
    type: 'FeatureCollection',
    features,
  } as unknown as Parameters<typeof echarts.registerMap>[1]);
  regions = features.map((f) => ({ ...f.properties, id: f.properties.name }));
  return regions;
}
