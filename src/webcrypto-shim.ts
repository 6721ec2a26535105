/**
 * Stands in for `isomorphic-webcrypto` in the browser build. fhirclient uses that package only where
 * `globalThis.crypto` is missing, which no browser the app supports lacks; bundling it cost about 4 KB gzip.
 */
const webCrypto: Crypto = globalThis.crypto;
export default webCrypto;
