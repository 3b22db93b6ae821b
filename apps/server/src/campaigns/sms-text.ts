// Ready-to-send SMS texts for a tracked install link, with their length and segment count as a
// telecom operator bills them: GSM-7 (160 characters, 153 per part when split; the extension
// characters count twice) or, for any other character (Vietnamese letters), UCS-2 (70 / 67).

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

export interface SmsLength {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the network counts them (septets for GSM-7, UTF-16 units for UCS-2). */
  readonly length: number;
  readonly segments: number;
  /** Characters a single SMS of this encoding holds. */
  readonly singleLimit: number;
}

export function smsLength(text: string): SmsLength {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) septets += 1;
    else if (GSM7_EXTENSION.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm)
    return {
      encoding: 'GSM-7',
      length: septets,
      segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
      singleLimit: 160,
    };
  const units = text.length;
  return {
    encoding: 'UCS-2',
    length: units,
    segments: units <= 70 ? 1 : Math.ceil(units / 67),
    singleLimit: 70,
  };
}

const EN = [
  'Bluezone (Ministry of Health): install the app to be warned of close contact with a COVID-19 case: ',
  'Bluezone: install the app to be warned of close contact with COVID-19: ',
  'Install Bluezone: ',
];

/**
 * The SMS texts of an install link in Vietnamese (UCS-2: its segments are reported) and English (the
 * longest wording that keeps the text within one 160-character GSM-7 SMS).
 */
export function smsTexts(installUrl: string) {
  const vi = `Bluezone - Bộ Y tế: hãy cài ứng dụng để được cảnh báo khi tiếp xúc gần người mắc COVID-19: ${installUrl}`;
  const en =
    EN.map((lead) => lead + installUrl).find((text) => smsLength(text).length <= 160) ??
    `Bluezone: ${installUrl}`;
  return {
    vi: { text: vi, ...smsLength(vi) },
    en: { text: en, ...smsLength(en) },
  };
}
