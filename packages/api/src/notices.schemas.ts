import { type Static, Type } from 'typebox';

// `GET /v1/notices/{region}`: the health authority's notices and FAQ for the app (docs/api.md).

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });

export const NoticeBoardSchema = Type.Object({
  notices: Type.Array(Type.Object({ id: Type.String(), title: Bilingual, body: Bilingual })),
  /** Questions and answers; empty: the app shows its own. */
  faq: Type.Array(Type.Object({ question: Bilingual, answer: Bilingual })),
});
export type NoticeBoard = Static<typeof NoticeBoardSchema>;
