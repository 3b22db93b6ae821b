import type { Population } from '../population/population.js';
import type { Handsets } from './radio-model.js';

/**
 * The handsets that take part in Bluetooth exposure notification: people with the app get their
 * phone model's TX power and RSSI correction; everyone else NaN (they neither advertise nor scan).
 */
export function handsetsOf(population: Population): Handsets {
  const txPower = new Float32Array(population.size).fill(Number.NaN);
  const rssiCorrection = new Float32Array(population.size).fill(Number.NaN);
  for (let person = 0; person < population.size; person++) {
    const model = population.phoneModels[population.phone[person] ?? -1];
    if (!population.hasApp[person] || !model) continue;
    txPower[person] = model.txPower;
    rssiCorrection[person] = model.rssiCorrection;
  }
  return { txPower, rssiCorrection };
}
