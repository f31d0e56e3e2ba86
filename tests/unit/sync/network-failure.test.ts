/**
 * The browsers' own names of a failed request (webRequest.onErrorOccurred's `error`), as Chromium
 * (net/base/net_error_list.h) and Firefox (NSS and mozilla::pkix codes, or the security error's
 * sentence in the browser's language, as ESR 140 reports a self-signed certificate) report them: a TLS failure
 * is told apart from a server that is not there. The journey itself — a self-signed server in a
 * browser that checks certificates — is tests/e2e/sync.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { isTlsFailure } from '@/lib/sync/network-failure';

describe('isTlsFailure', () => {
  it.each([
    'net::ERR_CERT_AUTHORITY_INVALID',
    'net::ERR_CERT_COMMON_NAME_INVALID',
    'net::ERR_CERT_DATE_INVALID',
    'net::ERR_SSL_PROTOCOL_ERROR',
    'net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    'net::ERR_BAD_SSL_CLIENT_AUTH_CERT',
    'SEC_ERROR_UNKNOWN_ISSUER',
    'SEC_ERROR_EXPIRED_CERTIFICATE',
    'SSL_ERROR_BAD_CERT_DOMAIN',
    'SSL_ERROR_NO_CYPHER_OVERLAP',
    'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
    'Chứng chỉ này không đáng tin vì nó được tự kí.',
    'The certificate is not trusted because it is self-signed.',
  ])('%s is a TLS failure', (error) => expect(isTlsFailure(error, 'https://dav.example.org/remote.php')).toBe(true));

  it.each([
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_CONNECTION_TIMED_OUT',
    'net::ERR_FAILED',
    'NS_ERROR_CONNECTION_REFUSED',
    'NS_ERROR_UNKNOWN_HOST',
    'NS_ERROR_NET_TIMEOUT',
    'NS_ERROR_OFFLINE',
    'NS_BINDING_ABORTED',
  ])('%s is not', (error) => expect(isTlsFailure(error, 'https://dav.example.org/remote.php')).toBe(false));

  it('an http address has no TLS: whatever the words, not a TLS failure', () =>
    expect(isTlsFailure('Some failure in words', 'http://127.0.0.1:8080/dav/')).toBe(false));
});
