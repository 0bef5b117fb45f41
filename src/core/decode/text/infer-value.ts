// Console exporters that print attribute values with toString() lose their types (Java's AttributesMap,
// .NET's ConsoleTagTransformer). A reader takes `200` for a number and `true` for a boolean; this does the
// same. Decimals stay strings: `1.1` is as often a version string (network.protocol.version) as a double.
import type { AnyValue } from '../../model/records.ts';

export function inferScalar(text: string): AnyValue {
  if (/^-?\d{1,19}$/.test(text)) return { type: 'int', value: text };
  if (text === 'true' || text === 'false') return { type: 'bool', value: text === 'true' };
  return { type: 'string', value: text };
}
