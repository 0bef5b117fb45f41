// A parse problem pointing at the character that is wrong, for a caret under the pasted value.
export interface PropagationError {
  readonly message: string;
  /** 0-based column in the value where the problem starts. */
  readonly column: number;
}

/** Two lines: the value, and a caret under `column` ("00-abc…\n   ^"). */
export function caretLine(value: string, column: number): string {
  return `${value}\n${' '.repeat(Math.max(0, Math.min(column, value.length)))}^`;
}

const LOWER_HEX = /^[0-9a-f]$/;

/** The first column (from `offset`) in `field` that is not lowercase hex, or -1. */
export function firstNonLowerHex(field: string, offset: number): number {
  for (let i = 0; i < field.length; i++) if (!LOWER_HEX.test(field[i]!)) return offset + i;
  return -1;
}
