import { isIPv4, isIPv6 } from 'node:net';

/**
 * The group a client address is limited as: an IPv4 address alone, an IPv6 address by its /64 (one
 * subscriber usually holds a whole /64, so limiting single IPv6 addresses would limit nothing).
 * IPv4-mapped IPv6 addresses count as their IPv4 address. Anything else is used as given.
 */
export function clientGroup(address: string): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const headParts = head ? head.split(':') : [];
  const tailParts = address.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail is two groups; only the first four groups matter here.
  const tailCount = tailParts.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
  const groups = [
    ...headParts,
    ...Array(Math.max(0, 8 - headParts.length - tailCount)).fill('0'),
    ...tailParts,
  ];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}
