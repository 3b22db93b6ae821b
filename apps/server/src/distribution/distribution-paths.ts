// Which URLs name export objects: strict patterns, so nothing else (no "..", no encoded slash) reaches
// the blob store.

/** A region: ISO 3166 code, optionally a subdivision (as BLUEZONE_REGION). */
const REGION = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;
/** `{start}-{end}-{nnnnn}.zip`, as the export worker names files. */
const ZIP_FILE = /^\d{1,12}-\d{1,12}-\d{5}\.zip$/;

export const isRegion = (region: string): boolean => REGION.test(region);
export const isExportFileName = (file: string): boolean => ZIP_FILE.test(file);
