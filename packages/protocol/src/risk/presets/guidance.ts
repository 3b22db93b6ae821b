import type { Guidance } from '../risk-configuration.js';

/**
 * Default guidance per outcome (Vietnamese and English). Short and generic on purpose: the health
 * authority replaces them with its current rules (hotline 1900 9095 is the Ministry of Health's).
 */
export const DEFAULT_GUIDANCE: Guidance = {
  none: {
    vi: 'Chưa phát hiện tiếp xúc có nguy cơ. Hãy tiếp tục đeo khẩu trang và giữ khoảng cách.',
    en: 'No risky contact found. Keep wearing a mask and keeping your distance.',
  },
  low: {
    vi: 'Bạn đã ở gần một người nhiễm bệnh nhưng không lâu. Hãy theo dõi sức khoẻ; nếu sốt, ho hoặc khó thở, gọi đường dây nóng 1900 9095.',
    en: 'You were near an infected person, but not for long. Watch your health; if you have a fever, a cough or trouble breathing, call the 1900 9095 hotline.',
  },
  F1: {
    vi: 'Bạn là F1: đã tiếp xúc gần (khoảng 2 m, từ 15 phút trở lên) với người nhiễm bệnh (F0). Hãy ở nhà, tránh tiếp xúc với người khác, báo ngay cho trạm y tế xã/phường và làm theo hướng dẫn xét nghiệm.',
    en: 'You are F1: you were close (about 2 m, 15 minutes or more) to an infected person (F0). Stay at home, avoid other people, tell your commune health station now and follow its testing instructions.',
  },
  F2: {
    vi: 'Bạn là F2: đã tiếp xúc gần với một người F1. Hãy hạn chế ra ngoài, theo dõi sức khoẻ và chờ kết quả xét nghiệm của F1; báo cho trạm y tế nếu có triệu chứng.',
    en: 'You are F2: you were close to someone who is F1. Stay home as much as you can, watch your health and wait for the F1 test result; tell your health station if you have symptoms.',
  },
};
