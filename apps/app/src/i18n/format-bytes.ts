/** Bytes as the person reads them: "850 kB", "2,1 MB" (decimal units, the reader's number format). */
export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : bytes >= 1_000 ? [bytes / 1_000, 'kB'] : [bytes, 'B'];
  return `${value.toLocaleString(locale, { maximumFractionDigits: value < 10 && unit !== 'B' ? 1 : 0 })} ${unit}`;
}
