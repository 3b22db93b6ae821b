import type { FastifyReply } from 'fastify';
import type { NationalAdoption } from './adoption-national.service.js';
import type { Cell } from './suppression.js';

// CSV exports of the console's tables (`?format=csv`): the same suppressed cells as the JSON views,
// an empty value and `*_suppressed` = 1 below 10, never a raw count.

const field = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const line = (values: (string | number | null)[]) => values.map(field).join(',');
const cells = (c: Cell | undefined) => [c?.value ?? null, c?.suppressed ? 1 : 0];

/** The provinces of the national view, one line each. */
export function nationalCsv(view: NationalAdoption): string {
  return [
    'province,name_vi,name_en,population,installs,installs_suppressed,active,active_suppressed,adoption_rate,rank',
    ...view.provinces.map((p) =>
      line([
        p.iso,
        p.vi,
        p.en,
        p.population,
        ...cells(p.installs),
        ...cells(p.active),
        p.adoptionRate,
        p.rankLabel,
      ]),
    ),
  ].join('\n');
}

interface DistrictsView {
  readonly districts: readonly { code: string; vi: string; en: string; installs: Cell }[];
  readonly noDistrict: Cell;
}

/** The districts of a province view, and the installs of no district. */
export function districtsCsv(view: DistrictsView): string {
  return [
    'district,name_vi,name_en,installs,installs_suppressed',
    ...view.districts.map((d) => line([d.code, d.vi, d.en, ...cells(d.installs)])),
    line(['', '(không rõ)', '(not given)', ...cells(view.noDistrict)]),
  ].join('\n');
}

/** Sends a CSV body as an attachment. */
export function sendCsv(reply: FastifyReply, name: string, body: string): void {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="bluezone-adoption-${name}.csv"`)
    .send(`${body}\n`);
}
