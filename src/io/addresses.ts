import { lookup as systemLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/*
 * Which network addresses are this machine's, or its network's, rather than the public
 * Internet's: what `send` may talk to in clear, and what `lint --online` does not request
 * (private ones unless told to; link-local ones never): a pull request must not make CI probe
 * its LAN or its cloud's metadata service.
 */

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Loopback, and the private networks (RFC 1918, shared address space, IPv6 ULA): a LAN's own. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::1', 128],
  ['fc00::', 7],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/**
 * What is never requested, whatever is allowed: link-local (169.254/16 holds the cloud's
 * metadata service, and its credentials), unspecified, reserved, documentation and multicast.
 */
const NEVER = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['169.254.0.0', 16],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NEVER.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const)
  NEVER.addSubnet(net, bits, 'ipv6');

/** An IPv4 address written inside IPv6 (::ffff:10.0.0.1) as the IPv4 address it is. */
function unmapped(address: string): string {
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;
}

function inList(list: BlockList, address: string): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether an IP address is this machine's loopback (127.0.0.0/8, ::1, or 127.x mapped into IPv6). */
export function isLoopbackAddress(address: string): boolean {
  return inList(LOOPBACK, address);
}

/** An IPv4 address held in IPv6 in hex (::ffff:a00:1), as the IPv4 address it is. */
function unmappedHex(address: string): string {
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** What an address is to a link check: the public Internet, a private network (loopback included), or never to be asked. */
export function addressKind(address: string): 'public' | 'private' | 'never' {
  const plain = unmappedHex(address);
  if (inList(NEVER, plain)) return 'never';
  return inList(PRIVATE, plain) ? 'private' : 'public';
}

/** The error a guarded lookup gives for an address it may not connect to: its code is EPRIVATE. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE';
  constructor(
    readonly address: string,
    readonly kind: 'private' | 'never',
  ) {
    super(`${address} is a ${kind === 'never' ? 'link-local or reserved' : 'private'} address`);
  }
}

/** Why an address may not be connected to, or undefined when it may. */
export function refusal(address: string, allowPrivate: boolean): PrivateAddressError | undefined {
  const kind = addressKind(address);
  if (kind === 'never' || (kind === 'private' && !allowPrivate)) return new PrivateAddressError(address, kind);
  return undefined;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that refuses, at the moment of connecting, a name that resolves
 * to an address it may not reach: the address checked is the one the socket then uses, so a
 * name cannot answer one address to a check and another to the connection.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    systemLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.map((a) => refusal(a.address, allowPrivate)).find(Boolean);
      if (refused) return callback(refused as unknown as NodeJS.ErrnoException, []);
      if ((options as LookupAllOptions).all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
