// SHA-256 of a string, synchronous, so the runtime-free core can name a compiled policy by its
// content (WebCrypto is async and node:crypto is not available in the Worker). @noble/hashes is
// audited and dependency-free.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
