// Device and network attributes of an inquiry session (OAS 2025-12-08 components/schemas/
// inquiry-session.yaml). Persona fills them from the person's device and IP address; the sandbox
// has no real person, so it picks one of these fictitious profiles (addresses from the
// documentation ranges of RFC 5737). Which sessions get which profile is the sandbox's choice.

export const NETWORK_PROFILES = ['residential', 'mobile', 'vpn', 'tor', 'datacenter'] as const;
export type NetworkProfile = (typeof NETWORK_PROFILES)[number];

interface Network {
  'ip-address': string;
  'ip-connection-type': string;
  'ip-isp': string;
  'network-organization': string;
  'country-code': string;
  'country-name': string;
  'region-code': string;
  'region-name': string;
  'device-type': string;
  'device-name': string | null;
  'os-name': string;
  'os-full-version': string;
  'browser-name': string;
  'browser-full-version': string;
  'user-agent': string;
  'is-vpn': boolean;
  'is-proxy': boolean;
  'is-tor': boolean;
  'is-datacenter': boolean;
  'threat-level': string;
}

const desktop = {
  'device-type': 'desktop',
  'device-name': null,
  'os-name': 'Mac',
  'os-full-version': '10.15.7',
  'browser-name': 'Chrome',
  'browser-full-version': '131.0.0.0',
  'user-agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};
const clean = { 'is-vpn': false, 'is-proxy': false, 'is-tor': false, 'is-datacenter': false };

export const NETWORKS: Record<NetworkProfile, Network> = {
  residential: {
    ...desktop,
    ...clean,
    'ip-address': '198.51.100.23',
    'ip-connection-type': 'residential',
    'ip-isp': 'Sandbox Cable (fictitious)',
    'network-organization': 'Sandbox Cable (fictitious)',
    'country-code': 'US',
    'country-name': 'United States of America',
    'region-code': 'CA',
    'region-name': 'California',
    'threat-level': 'low',
  },
  mobile: {
    ...clean,
    'device-type': 'smartphone',
    'device-name': 'Apple iPhone15,2',
    'os-name': 'iOS',
    'os-full-version': '18.1',
    'browser-name': 'Mobile Safari',
    'browser-full-version': '18.1',
    'user-agent':
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'ip-address': '198.51.100.77',
    'ip-connection-type': 'mobile',
    'ip-isp': 'Sandbox Mobile (fictitious)',
    'network-organization': 'Sandbox Mobile (fictitious)',
    'country-code': 'US',
    'country-name': 'United States of America',
    'region-code': 'TX',
    'region-name': 'Texas',
    'threat-level': 'low',
  },
  vpn: {
    ...desktop,
    ...clean,
    'is-vpn': true,
    'ip-address': '203.0.113.45',
    'ip-connection-type': 'corporate',
    'ip-isp': 'Sandbox VPN (fictitious)',
    'network-organization': 'Sandbox VPN (fictitious)',
    'country-code': 'NL',
    'country-name': 'Netherlands',
    'region-code': 'NH',
    'region-name': 'North Holland',
    'threat-level': 'medium',
  },
  tor: {
    ...desktop,
    ...clean,
    'is-tor': true,
    'is-proxy': true,
    'browser-name': 'Firefox',
    'browser-full-version': '128.0',
    'os-name': 'Windows',
    'os-full-version': '10',
    'user-agent': 'Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0',
    'ip-address': '192.0.2.66',
    'ip-connection-type': 'datacenter',
    'ip-isp': 'Sandbox Tor exit (fictitious)',
    'network-organization': 'Sandbox Tor exit (fictitious)',
    'country-code': 'DE',
    'country-name': 'Germany',
    'region-code': 'BE',
    'region-name': 'Berlin',
    'threat-level': 'high',
  },
  datacenter: {
    ...desktop,
    ...clean,
    'is-datacenter': true,
    'os-name': 'Linux',
    'os-full-version': '',
    'user-agent':
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'browser-name': 'Headless Chrome',
    'ip-address': '192.0.2.140',
    'ip-connection-type': 'datacenter',
    'ip-isp': 'Sandbox Cloud (fictitious)',
    'network-organization': 'Sandbox Cloud (fictitious)',
    'country-code': 'SG',
    'country-name': 'Singapore',
    'region-code': '01',
    'region-name': 'Central Singapore',
    'threat-level': 'medium',
  },
};

/** Demo sessions cycle through these, so a seeded list has some VPN, Tor and datacenter ones. */
const DEMO_CYCLE: readonly NetworkProfile[] = [
  'residential',
  'vpn',
  'mobile',
  'tor',
  'residential',
  'datacenter',
];

export function demoNetwork(n: number): NetworkProfile {
  return DEMO_CYCLE[n % DEMO_CYCLE.length] as NetworkProfile;
}
