// Test data for the browser tests, imported through the console API as counts "reported by others"
// (POST /console/api/adoption/import). Made-up figures except Thái Bình's 223,074 installs, the
// ministry's August 2020 figure; the ranks are chosen so that Thái Bình is 17th of 63 as it was.

interface Province {
  iso: string;
  population: number;
}

/** Signs in over HTTP: the cookie and CSRF token for further calls. */
export async function apiSession(origin: string, username: string, password: string) {
  const answer = await fetch(`${origin}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!answer.ok) throw new Error(`sign-in failed: ${answer.status} ${await answer.text()}`);
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/console/api${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

const THAI_BINH = 'VN-20';
const YEN_BAI = 'VN-06';
const SHARES = [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3];

/** Installs per province: 16 above Thái Bình, then Thái Bình (223,074), then the rest down to Yên Bái. */
export function seedInstalls(provinces: readonly Province[]): Map<string, number> {
  const others = provinces.filter((p) => p.iso !== THAI_BINH && p.iso !== YEN_BAI);
  const installs = new Map<string, number>();
  others.forEach((p, i) => {
    const rate = i < 16 ? 0.36 - i * 0.014 : 0.11 - (i - 16) * 0.0017;
    installs.set(p.iso, Math.round(p.population * rate));
  });
  installs.set(THAI_BINH, 223_074);
  const yenBai = provinces.find((p) => p.iso === YEN_BAI);
  if (yenBai) installs.set(YEN_BAI, Math.round(yenBai.population * 0.021));
  return installs;
}

/** The CSV of the last seven days (UTC) ending yesterday: each province's installs spread over them. */
export function seedCsv(installs: ReadonlyMap<string, number>, today = new Date()): string {
  const lines = ['date,province,district,source,installs,active'];
  const day = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  for (const [iso, total] of installs) {
    let left = total;
    SHARES.forEach((share, i) => {
      const count = i === SHARES.length - 1 ? left : Math.floor(total * share);
      left -= count;
      lines.push(`${day(SHARES.length - i)},${iso},,store:test,${count},${Math.round(count * 0.8)}`);
    });
  }
  return lines.join('\n');
}
