import { constants, randomBytes } from 'node:crypto';
import type { ConnectionOptions, TLSSocket, TlsOptions } from 'node:tls';

/*
 * Measured on Node 20.20 (OpenSSL 3.0.19), asserted in link-server.int-spec.ts: with an external PSK, TLS 1.3 negotiates
 * TLS_AES_128_GCM_SHA256 (TLS_CHACHA20_POLY1305_SHA256 when a client offers only that), key exchange psk_dhe_ke
 * with X25519, so sessions have forward secrecy. TLS_AES_256_GCM_SHA384 cannot work: Node binds external PSKs to
 * SHA-256, and offering only that suite fails with "no shared cipher".
 */
export const LINK_CIPHERS = 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256';
export const NETWORK_KEY_BYTES = 32;

/**
 * Server side. Session tickets are switched off: a resumed session skips `pskCallback`, so a ticket from before a
 * key rotation would otherwise outlive the old key.
 */
export function pskServerOptions(pskCallback: (socket: TLSSocket, identity: string) => Buffer): TlsOptions {
  return {
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
    ciphers: LINK_CIPHERS,
    secureOptions: constants.SSL_OP_NO_TICKET,
    pskCallback,
  };
}

export function pskClientOptions(identity: string, key: Buffer): ConnectionOptions {
  return {
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
    ciphers: LINK_CIPHERS,
    // There is no certificate: the PSK binder authenticates the server, so the host-name check has nothing to see.
    checkServerIdentity: () => undefined,
    pskCallback: () => ({ identity, psk: key }),
  };
}

/** Served for identities the key ring does not know, so a failed handshake looks the same whatever the cause. */
export function decoyKey(): Buffer {
  return randomBytes(NETWORK_KEY_BYTES);
}
