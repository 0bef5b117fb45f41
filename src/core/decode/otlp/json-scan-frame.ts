// The frames of an OTLP/JSON request as the byte scanner reads it (json-scan-frames.ts): the request, its
// lists, and each resource and scope with what is read of it so far, and what each expects next.
import type { EarlySink, KeyValue } from '../../model/records.ts';
import { F } from './json-scan-keys.ts';
import { guessed, type Guess, type ScannedScope } from './json-scan-guess.ts';

import { CLOSE_ARRAY, CLOSE_OBJECT } from './json-bytes.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

/** What a frame expects next. */
export const Expect = {
  /** After `{`. */
  KeyOrClose: 0,
  /** After `,` in an object. */
  Key: 1,
  /** After a key, or `,` in an array. */
  Value: 2,
  /** After `[`. */
  ValueOrClose: 3,
  /** After a member. */
  CommaOrClose: 4,
} as const;
export type Expect = (typeof Expect)[keyof typeof Expect];

export class RequestFrame {
  readonly kind = 'request';
  readonly close = CLOSE_OBJECT;
  expect: Expect = Expect.KeyOrClose;
  key = -1;
  /** -1 until the "resourceSpans" key. */
  numResourceSpans = -1;

  constructor() {
    shapeOf(this);
  }
}

export class ListFrame {
  readonly close = CLOSE_ARRAY;
  expect: Expect = Expect.ValueOrClose;
  key = -1;
  constructor(readonly kind: 'resourceSpansList' | 'scopeSpansList' | 'spanList') {
    shapeOf(this);
  }
}

/** A resource or a scope: the fields both have, read so far, and the guess its spans were placed by. */
abstract class RecordFrame {
  readonly close = CLOSE_OBJECT;
  expect: Expect = Expect.KeyOrClose;
  key = -1;
  /** The keys seen (`once` in json-scan-span.ts). */
  seen = 0;
  attributes: readonly KeyValue[] = [];
  droppedAttributesCount = 0;
  schemaUrl = '';
  guess: Guess | null = null;

  constructor() {
    shapeOf(this);
  }
}

export class ResourceFrame extends RecordFrame {
  readonly kind = 'resource';
  readonly scopes: ScannedScope[] = [];
  constructor(readonly rIdx: number) {
    super();
  }

  add(sink: EarlySink): number {
    const { attributes, droppedAttributesCount, schemaUrl } = this;
    return sink.addResource({ attributes, droppedAttributesCount, schemaUrl });
  }

  /** The resource its spans are placed under as they are read, or -1 while it is not read yet (it may follow them). */
  placeForSpans(sink: EarlySink): number {
    if (!(this.seen & (1 << F.resource))) return -1;
    this.guess ??= guessed(sink, 'resources', this.schemaUrl, () => this.add(sink));
    return this.guess.idx;
  }
}

export class ScopeFrame extends RecordFrame {
  readonly kind = 'scope';
  name = '';
  version = '';
  placedResourceIdx = -1;
  placedScopeIdx = -1;
  constructor(
    readonly placeList: string,
    /** The first of its spans, counted as the sink's mark counts them. */
    readonly from: number,
  ) {
    super();
  }

  add(sink: EarlySink): number {
    const { name, version, attributes, droppedAttributesCount, schemaUrl } = this;
    return sink.addScope({ name, version, attributes, droppedAttributesCount, schemaUrl });
  }
}

export type Frame = RequestFrame | ListFrame | ResourceFrame | ScopeFrame;

