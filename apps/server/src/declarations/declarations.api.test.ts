import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../database/accounts.schema.js';
import { declarations } from '../database/declarations.schema.js';
import { createCleanupService } from '../retention/cleanup.service.js';
import { userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Thái Bình is VN-20, Yên Bái VN-06. The test clock starts on 2026-03-10 at 08:00 UTC.

const DAY = 86_400_000;
const declaration = {
  level: 'F1',
  exposureDate: '2026-03-07',
  name: 'Nguyễn Văn Tuấn',
  phone: '+84 912 345 678',
  address: 'Số 5 Lê Lợi, TP Thái Bình',
  province: 'VN-20',
  note: 'Ho nhẹ từ hôm qua',
};

forEachDatabase((database) => {
  let t: TestApp;
  let deviceKey: string;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
    ({ deviceKey } = await t.provision('VN'));
  });
  afterAll(() => t.app.close());

  describe('declarations', () => {
    it('stores a declaration encrypted and lists it decrypted for a case worker of its province', async () => {
      const sent = await t.post('/api/declarations', deviceKey, declaration);
      expect(sent).toEqual({ status: 201, json: { received: true } });

      const [row] = await t.app.core.db.select().from(declarations);
      expect(row).toMatchObject({
        receivedDay: '2026-03-10',
        region: 'VN',
        province: 'VN-20',
        level: 'F1',
        exposureDate: '2026-03-07',
        status: 'new',
        handledBy: null,
      });
      const raw = Buffer.from(row?.personalDataEncrypted ?? []).toString('latin1');
      for (const plain of ['Tuấn', 'Tu', '912345678', '0912', 'Lê Lợi', 'Ho nhẹ'])
        expect(raw).not.toContain(plain);

      const worker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
      const list = await worker.request('GET', '/console/api/declarations');
      expect(list.status).toBe(200);
      const [item] = list.json.declarations as Record<string, unknown>[];
      expect(item).toMatchObject({
        name: 'Nguyễn Văn Tuấn',
        phone: '+84912345678',
        address: 'Số 5 Lê Lợi, TP Thái Bình',
        note: 'Ho nhẹ từ hôm qua',
        province: 'VN-20',
        level: 'F1',
        status: 'new',
      });

      const changed = await worker.request('POST', `/console/api/declarations/${item?.id}/status`, {
        status: 'contacted',
      });
      expect(changed.json).toMatchObject({ status: 'contacted', handledBy: worker.username });
      const contacted = await worker.request('GET', '/console/api/declarations?status=contacted');
      expect(contacted.json.declarations).toHaveLength(1);
      const fresh = await worker.request('GET', '/console/api/declarations?status=new');
      expect(fresh.json.declarations).toHaveLength(0);

      const audit = await t.app.core.db.select().from(auditLog);
      const mine = audit.filter((e) => e.username === worker.username).map((e) => e.action);
      expect(mine).toEqual(expect.arrayContaining(['declarations_read', 'declaration_status_changed']));
      const text = JSON.stringify(audit);
      for (const plain of ['Tuấn', '912345678', 'Lê Lợi', 'Ho nhẹ']) expect(text).not.toContain(plain);
    });

    it('keeps other provinces and analysts out', async () => {
      const worker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
      const [item] = (await worker.request('GET', '/console/api/declarations')).json.declarations as {
        id: string;
      }[];
      const yenBai = await userAgent(t, { role: 'province', province: 'VN-06' });
      expect((await yenBai.request('GET', '/console/api/declarations')).json).toEqual({ declarations: [] });
      const other = await yenBai.request('GET', '/console/api/declarations?province=VN-20');
      expect(other).toMatchObject({ status: 403, json: { errorCode: 'forbidden_area' } });
      const change = await yenBai.request('POST', `/console/api/declarations/${item?.id}/status`, {
        status: 'closed',
      });
      expect(change).toMatchObject({ status: 403, json: { errorCode: 'forbidden_area' } });

      const analyst = await userAgent(t, { role: 'analyst', province: null });
      const refused = await analyst.request('GET', '/console/api/declarations');
      expect(refused).toMatchObject({ status: 403, json: { errorCode: 'forbidden_role' } });

      const national = await userAgent(t, { role: 'national', province: null });
      expect((await national.request('GET', '/console/api/declarations')).json.declarations).toHaveLength(1);
      const missing = await national.request(
        'POST',
        '/console/api/declarations/00000000-0000-4000-8000-000000000000/status',
        { status: 'closed' },
      );
      expect(missing).toMatchObject({ status: 404, json: { errorCode: 'declaration_not_found' } });
    });

    it('refuses bad input with named codes and a request without the device key', async () => {
      const bad = async (change: Record<string, unknown>) =>
        (await t.post('/api/declarations', deviceKey, { ...declaration, ...change })).json.errorCode;
      expect(await bad({ phone: '12ab' })).toBe('invalid_phone');
      expect(await bad({ phone: '+84 12' })).toBe('invalid_phone');
      expect(await bad({ exposureDate: '2026-03-11' })).toBe('invalid_exposure_date');
      expect(await bad({ exposureDate: '2026-02-30' })).toBe('invalid_exposure_date');
      expect(await bad({ province: 'VN-99' })).toBe('unknown_province');
      expect(await bad({ level: 'F0' })).toBe('invalid_request');
      expect(await bad({ name: '' })).toBe('invalid_request');
      const anonymous = await t.post('/api/declarations', undefined, declaration);
      expect(anonymous).toMatchObject({ status: 401, json: { errorCode: 'unauthorized' } });
    });

    it('deletes declarations 30 days after the day they were received', async () => {
      const cleanup = createCleanupService(t.app.core);
      const count = async () => (await t.app.core.db.select().from(declarations)).length;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      t.clock.advance(30 * DAY);
      expect((await cleanup()).declarations).toBe(0);
      t.clock.advance(DAY);
      expect((await cleanup()).declarations).toBe(before);
      expect(await count()).toBe(0);
    });
  });
});
