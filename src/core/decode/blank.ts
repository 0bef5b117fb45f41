// Inputs with nothing in them: no bytes, or only white space (a console capture of blank lines, a file saved
// empty). They are named as such rather than sniffed: a blank line is byte 0x0a, which protobuf reads as a tag.
import { utf8BomLength } from './bom.ts';

/** Whether every byte is ASCII white space (tab, line feed, vertical tab, form feed, carriage return, space). */
function isBlank(bytes: Uint8Array, from = 0): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}

/** Why an input holds no trace data when it is empty or blank (after a UTF-8 byte order mark); else null. */
export function blankInputProblem(bytes: Uint8Array): string | null {
  const bom = utf8BomLength(bytes);
  if (!isBlank(bytes, bom)) return null;
  const n = bytes.length - bom;
  if (n === 0) return 'the input is empty: no trace data';
  return `the input holds only blank space (${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}): no trace data`;
}
