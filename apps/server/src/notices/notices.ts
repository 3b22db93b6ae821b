import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config.types.js';

/** A text in both languages the app speaks. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** What `GET /v1/notices/{region}` answers: the health authority's notices and FAQ for the app. */
export interface NoticeBoard {
  readonly notices: readonly { readonly id: string; readonly title: Bilingual; readonly body: Bilingual }[];
  /** Questions and answers; empty: the app shows its own. */
  readonly faq: readonly { readonly question: Bilingual; readonly answer: Bilingual }[];
}

/** The notices a deployment shows until `BLUEZONE_NOTICES` names its own. */
export const DEFAULT_NOTICES: NoticeBoard = {
  notices: [
    {
      id: 'bluetooth-on',
      title: { vi: 'Giữ Bluetooth luôn bật', en: 'Keep Bluetooth on' },
      body: {
        vi: 'Bluezone chỉ nhận ra người ở gần khi Bluetooth bật. Bluetooth tiêu tốn rất ít pin.',
        en: 'Bluezone only notices people nearby when Bluetooth is on. Bluetooth uses very little battery.',
      },
    },
    {
      id: '5k',
      title: { vi: 'Thông điệp 5K', en: 'The 5K message' },
      body: {
        vi: 'Khẩu trang – Khử khuẩn – Khoảng cách – Không tụ tập – Khai báo y tế.',
        en: 'Mask – Disinfect – Distance – No gatherings – Health declaration.',
      },
    },
  ],
  faq: [],
};

const MAX_TEXT = 2_000;

/**
 * The notice board `BLUEZONE_NOTICES` names (a JSON file `{notices: [{id, title, body}], faq:
 * [{question, answer}]}`, every text `{vi, en}`), validated at start with every problem named; the
 * defaults when unset.
 */
export function loadNotices(path: string | undefined): NoticeBoard {
  if (path === undefined || path === '') return DEFAULT_NOTICES;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([`BLUEZONE_NOTICES: ${path}: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const text = (value: unknown, where: string): Bilingual => {
    const v = value as Partial<Bilingual> | null;
    for (const lang of ['vi', 'en'] as const) {
      const s = v?.[lang];
      if (typeof s !== 'string' || s.trim() === '' || s.length > MAX_TEXT)
        problems.push(`${where}.${lang} must be a text of 1–${MAX_TEXT} characters`);
    }
    return { vi: String(v?.vi ?? ''), en: String(v?.en ?? '') };
  };
  const board = json as { notices?: unknown; faq?: unknown } | null;
  const list = (value: unknown, name: string): unknown[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length > 50) {
      problems.push(`${name} must be a list of at most 50 entries`);
      return [];
    }
    return value;
  };
  const notices = list(board?.notices, 'notices').map((n, i) => {
    const entry = n as { id?: unknown; title?: unknown; body?: unknown } | null;
    if (typeof entry?.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(entry.id))
      problems.push(`notices[${i}].id must be 1–40 of a-z, 0-9 and -`);
    return {
      id: String(entry?.id),
      title: text(entry?.title, `notices[${i}].title`),
      body: text(entry?.body, `notices[${i}].body`),
    };
  });
  const faq = list(board?.faq, 'faq').map((q, i) => {
    const entry = q as { question?: unknown; answer?: unknown } | null;
    return {
      question: text(entry?.question, `faq[${i}].question`),
      answer: text(entry?.answer, `faq[${i}].answer`),
    };
  });
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `BLUEZONE_NOTICES: ${path}: ${p}`));
  return { notices, faq };
}
