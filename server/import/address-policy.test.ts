import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockedRange, ipv6Words, isAllowed, parseAllowHosts } from './address-policy';

describe('blockedRange', () => {
  it('refuses every IPv4 range that is not public unicast', () => {
    const cases: [string, string][] = [
      ['0.1.2.3', 'this network'],
      ['10.255.0.1', 'private'],
      ['100.64.0.1', 'shared (carrier-grade NAT)'],
      ['100.127.255.255', 'shared (carrier-grade NAT)'],
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['169.254.169.254', 'link-local'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.1', 'private'],
      ['192.0.2.1', 'documentation'],
      ['198.18.0.1', 'benchmarking'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'reserved'],
    ];
    for (const [address, name] of cases) assert.equal(blockedRange(address), name, address);
  });

  it('lets public IPv4 addresses through, including the neighbours of private ranges', () => {
    for (const address of [
      '8.8.8.8',
      '93.184.215.14',
      '172.15.255.255',
      '172.32.0.1',
      '100.128.0.1',
      '11.0.0.1',
    ]) {
      assert.equal(blockedRange(address), null, address);
    }
  });

  it('refuses inner IPv6 addresses and IPv4 addresses hidden in IPv6', () => {
    const cases: [string, string][] = [
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['fc00::1', 'unique local (private)'],
      ['fdff:ffff::1', 'unique local (private)'],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['febf:ffff::1', 'link-local'],
      ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['::127.0.0.1', 'loopback'],
      ['64:ff9b::10.0.0.1', 'private'],
      ['2002:c0a8:0101::1', 'private'], // 6to4 of 192.168.1.1
      ['2001:db8::1', 'documentation'],
      ['100::1', 'reserved'],
    ];
    for (const [address, name] of cases) assert.equal(blockedRange(address), name, address);
  });

  it('lets global IPv6 unicast through, and mapped public IPv4', () => {
    for (const address of [
      '2606:4700::1111',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
    ]) {
      assert.equal(blockedRange(address), null, address);
    }
  });

  it('refuses what is not an IP address', () => {
    assert.equal(blockedRange('example.org'), 'not an IP address');
  });

  it('expands IPv6 addresses to eight words', () => {
    assert.deepEqual(ipv6Words('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    assert.deepEqual(ipv6Words('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(ipv6Words('1.2.3.4'), null);
  });
});

describe('the allow list', () => {
  it('parses host, host:port and [ipv6]:port entries', () => {
    assert.deepEqual(parseAllowHosts(' 127.0.0.1:4100, [::1]:80 intranet.local '), [
      { host: '127.0.0.1', port: 4100 },
      { host: '0:0:0:0:0:0:0:1', port: 80 },
      { host: 'intranet.local', port: null },
    ]);
    assert.deepEqual(parseAllowHosts(undefined), []);
    assert.deepEqual(parseAllowHosts(''), []);
  });

  it('names a malformed entry', () => {
    assert.throws(() => parseAllowHosts('http://x'), /"http:\/\/x" is not host/);
    assert.throws(() => parseAllowHosts('127.0.0.1:99999'), /"127.0.0.1:99999"/);
  });

  it('opens exactly the named address and port', () => {
    const entries = parseAllowHosts('127.0.0.1:4100');
    const target = (address: string, port: number) => ({ hostname: address, address, port });
    assert.equal(isAllowed(entries, target('127.0.0.1', 4100)), true);
    assert.equal(isAllowed(entries, target('127.0.0.1', 4101)), false);
    assert.equal(isAllowed(entries, target('127.0.0.2', 4100)), false);
    assert.equal(
      isAllowed(entries, { hostname: 'localhost', address: '127.0.0.1', port: 4100 }),
      true,
    );
    assert.equal(isAllowed(parseAllowHosts('[::1]'), target('0:0::1', 8080)), true);
  });
});
