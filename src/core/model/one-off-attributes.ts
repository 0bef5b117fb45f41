// A span's attributes when all but one of them are shared: the span keeps that one value as a bare string
// next to a shape that spans alike share (the others as one pooled list, the value's key, type and place).
// Real spans carry exactly one such value far more often than not (a URL with an id, SQL text with a
// literal, a request id), and as a list of its own that value cost a list (~100 B in node), a KeyValue and
// an AnyValue (40 B each) besides its string (heap snapshot of 100k SDK spans, 2026-12-01). The list is
// formed again when it is read: lint reads a span's attributes rule after rule, and forms each about seven
// times in all (680k lists for 100k such spans, ~50 ms in node of a 2.5–3.5 s lint run).
import type { AnyValue, KeyValue } from './records.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

/** The types whose value is one string; others keep a list of their own. */
const TYPES = ['string', 'int', 'bytes'] as const;
type OneOffType = (typeof TYPES)[number];

type OneOffValue = Extract<AnyValue, { readonly type: OneOffType }>;

export function isOneOffValue(value: AnyValue): value is OneOffValue {
  return value.type === 'string' || value.type === 'int' || value.type === 'bytes';
}

/** The string of a value that isOneOffValue accepted. */
export function oneOffText(value: AnyValue): string {
  if (!isOneOffValue(value)) throw new Error(`a ${value.type} value is not kept on its own`);
  return value.value;
}

/**
 * The slot of a value of its own, times 4, plus its type's index in TYPES: one number for both (below
 * 4 * (slot + 1)), which a shape keeps in one field and the builder's pool finds it by.
 */
export function slotTypeCode(slot: number, type: OneOffType): number {
  return slot * 4 + TYPES.indexOf(type);
}

/** What spans with one value of their own share: every other attribute, and that value's key, type and place. */
export class OneOffShape {
  /** slotTypeCode of the value of its own. */
  private readonly packed: number;
  /**
   * The list formed last and its value: lint reads one span's attributes once per rule, and each read would
   * form it again. Kept by the shape, not by span: a span held here would keep its load's time columns alive.
   */
  private lastValue: string | null = null;
  private lastList: readonly KeyValue[] = [];

  constructor(
    /** The span's other attributes, in order: a pooled list. */
    readonly shared: readonly KeyValue[],
    slot: number,
    readonly key: string,
    type: OneOffType,
  ) {
    this.packed = slotTypeCode(slot, type);
    shapeOf(this);
  }

  /** Where the value of its own sits in the list. */
  get slot(): number {
    return this.packed >> 2;
  }

  get type(): OneOffType {
    return TYPES[this.packed & 3]!;
  }

  /** The value of its own as an AnyValue, from the string the span keeps. */
  value(text: string): AnyValue {
    return { type: this.type, value: text };
  }

  /**
   * The attributes of a span with `value` its own, as one list in the order they were given: the same list
   * while spans of this shape with this value are asked again (lists are read-only, so equal ones may be one).
   */
  list(value: string): readonly KeyValue[] {
    if (this.lastValue === value) return this.lastList;
    const slot = this.slot;
    const shared = this.shared;
    const list: KeyValue[] = [];
    for (let i = 0; i < slot; i++) list.push(shared[i]!);
    list.push({ key: this.key, value: this.value(value) });
    for (let i = slot; i < shared.length; i++) list.push(shared[i]!);
    this.lastValue = value;
    this.lastList = list;
    return list;
  }
}

/** A span's attributes as the builder keeps them: a list, or a shape its value of its own completes. */
export type SpanAttributes = readonly KeyValue[] | OneOffShape;
