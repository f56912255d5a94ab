// Bytes through runtime messaging: Chrome serialises messages as JSON, so images and PDFs travel
// as base64 text and become bytes again in the page.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a few hundred thousand arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  // atob gives one character per byte (none above U+00FF), so iterating it is byte by byte.
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
