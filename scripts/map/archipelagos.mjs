// Hoàng Sa (Paracel Islands, a district of Đà Nẵng) and Trường Sa (Spratly Islands, a district of
// Khánh Hòa), which every Vietnamese map shows and Natural Earth's admin-1 has no Vietnamese feature
// for. Drawn as small squares on their main islands, large enough to see at national scale; the
// coordinates are approximate (±0.05°) island positions, not survey data.

const HALF = 0.09; // degrees: half the side of each square

const ISLANDS = {
  'VN-HOANG-SA': [
    [112.33, 16.83], // Phú Lâm (Woody Island)
    [111.61, 16.53], // Hoàng Sa (Pattle Island)
    [112.73, 16.67], // Linh Côn (Lincoln Island)
    [111.2, 15.78], // Tri Tôn (Triton Island)
    [111.75, 16.45], // Quang Ảnh (Money Island)
  ],
  'VN-TRUONG-SA': [
    [114.33, 11.43], // Song Tử Tây (Southwest Cay)
    [114.36, 10.18], // Nam Yết (Namyit Island)
    [114.33, 9.88], // Sinh Tồn (Sin Cowe Island)
    [114.48, 10.38], // Sơn Ca (Sand Cay)
    [111.92, 8.64], // Trường Sa (Spratly Island)
    [112.9, 8.85], // An Bang (Amboyna Cay)
  ],
};

const square = ([lon, lat]) => [
  [
    [lon - HALF, lat - HALF],
    [lon + HALF, lat - HALF],
    [lon + HALF, lat + HALF],
    [lon - HALF, lat + HALF],
    [lon - HALF, lat - HALF],
  ],
];

/** The two archipelagos as features, with the province and the district (GSO code) they belong to. */
export function archipelagoFeatures(areas) {
  const district = (provinceIso, vi) => {
    const found = areas.provinces.find((p) => p.iso === provinceIso)?.districts.find((d) => d.vi === vi);
    if (!found) throw new Error(`${provinceIso} has no district ${vi}`);
    return found.code;
  };
  return [
    ['VN-HOANG-SA', 'Quần đảo Hoàng Sa', 'Hoang Sa (Paracel Islands)', 'VN-DN', 'Hoàng Sa'],
    ['VN-TRUONG-SA', 'Quần đảo Trường Sa', 'Truong Sa (Spratly Islands)', 'VN-34', 'Trường Sa'],
  ].map(([id, vi, en, province, districtVi]) => ({
    type: 'Feature',
    id,
    properties: { vi, en, kind: 'archipelago', province, district: district(province, districtVi) },
    geometry: { type: 'MultiPolygon', coordinates: ISLANDS[id].map(square) },
  }));
}
