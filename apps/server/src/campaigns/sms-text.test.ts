import { describe, expect, it } from 'vitest';
import { smsLength, smsTexts } from './sms-text.js';

describe('SMS texts', () => {
  it('counts GSM-7 septets (extension characters twice) and UCS-2 units', () => {
    expect(smsLength('Install Bluezone')).toMatchObject({ encoding: 'GSM-7', length: 16, segments: 1 });
    expect(smsLength('a{b}')).toMatchObject({ encoding: 'GSM-7', length: 6 });
    expect(smsLength('x'.repeat(161))).toMatchObject({ segments: 2 });
    expect(smsLength('Cài đặt')).toMatchObject({ encoding: 'UCS-2', length: 7, segments: 1 });
    expect(smsLength('ư'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('keeps the English text within one SMS and reports the Vietnamese segments', () => {
    const url = 'https://bluezone.gov.vn/app/?org=ACDEFG&ch=HJKMNP';
    const { vi, en } = smsTexts(url);
    expect(en.encoding).toBe('GSM-7');
    expect(en.length).toBeLessThanOrEqual(160);
    expect(en.segments).toBe(1);
    expect(en.text).toContain(url);
    expect(en.text).toMatch(/^Bluezone \(Ministry of Health\)/);
    expect(vi.encoding).toBe('UCS-2');
    expect(vi.text).toContain('Bộ Y tế');
    expect(vi.text).toContain(url);
    expect(vi.segments).toBe(Math.ceil(vi.length / 67));
    // A long address still fits one English SMS with a shorter wording.
    const long = smsTexts(`https://${'a'.repeat(60)}.example/app/?org=ACDEFG&ch=HJKMNP`).en;
    expect(long.length).toBeLessThanOrEqual(160);
  });
});
