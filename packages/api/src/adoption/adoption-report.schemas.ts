import { type Static, Type } from 'typebox';
import { PlainText } from '../text.schemas.js';

// What the app sends: an install, and at most once a day a "still active" signal. No identifier.

const Province = PlainText({
  maxLength: 16,
  description: 'ISO 3166-2 code of the province (`VN-20`), one of `GET /v1/areas`.',
});
const District = PlainText({ maxLength: 8, description: 'GSO code of a district of that province.' });
const Platform = Type.Union([Type.Literal('android'), Type.Literal('ios'), Type.Literal('web')]);
const AppVersion = Type.String({
  pattern: '^[0-9]{1,3}(\\.[0-9]{1,3}){1,2}$',
  description: '`major.minor[.patch]`, e.g. `4.0.2` (a strict pattern, so no free text is stored).',
});
const InviteCode = PlainText({ maxLength: 16, description: 'Invite code of an organisation (`?org=`).' });
const LinkCode = PlainText({ maxLength: 16, description: 'Code of a tracked install link (`?ch=`).' });

export const InstallReportSchema = Type.Object(
  {
    province: Province,
    district: Type.Optional(District),
    organisation: Type.Optional(InviteCode),
    channel: Type.Optional(LinkCode),
    platform: Platform,
    appVersion: AppVersion,
  },
  { additionalProperties: false },
);
export type InstallReport = Static<typeof InstallReportSchema>;

export const ActiveReportSchema = Type.Object(
  { province: Province, district: Type.Optional(District), platform: Platform, appVersion: AppVersion },
  { additionalProperties: false },
);
export type ActiveReport = Static<typeof ActiveReportSchema>;

export const ReportAnswerSchema = Type.Object({
  counted: Type.Boolean({ description: 'Always true: the report was added to the day’s counters.' }),
  day: Type.String({ description: 'The UTC day it was counted under; nothing finer is kept.' }),
});
export type AdoptionAnswer = Static<typeof ReportAnswerSchema>;
