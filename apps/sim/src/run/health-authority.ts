import type { SimServer } from './sim-server.js';

/** What a health-authority case worker does in the simulation: issue codes through the admin API. */
export class SimHealthAuthority {
  issued = { confirmed: 0, recursive: 0 };
  failures: string[] = [];

  /** `province`: the demo district's province (ISO 3166-2); its cases' keys go to that province's set. */
  constructor(
    private readonly server: SimServer,
    private readonly province: string,
  ) {}

  /** Issues a code (POST /api/issue); returns it, or undefined after recording why it failed. */
  async issue(
    testType: 'confirmed' | 'recursive',
    dates: { symptomDate?: string; testDate?: string },
  ): Promise<string | undefined> {
    const response = await fetch(`${this.server.baseUrl}/api/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.server.adminApiKey },
      body: JSON.stringify({ testType, ...dates, tzOffset: 420, province: this.province }),
    });
    const body = (await response.json()) as { code?: string; errorCode?: string };
    if (response.status !== 200 || body.code === undefined) {
      this.failures.push(`issue ${testType}: ${response.status} ${body.errorCode ?? ''}`.trim());
      return undefined;
    }
    this.issued[testType] += 1;
    return body.code;
  }
}
