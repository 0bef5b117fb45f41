// The span's own facts: ids, parent (click jumps to it), kind, status, exact times, source position.
import type { ReactNode } from 'react';
import type { SpanDetails } from '../../core/model/details.ts';
import { useActions } from '../actions-context.ts';
import { formatExactMillis, groupDigits } from '../format.ts';
import { RowFlag } from '../span-vocab.ts';
import { CopyButton } from './copy-button.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ParentFact({ d }: { d: SpanDetails }) {
  const actions = useActions();
  if (d.parentSpanId === '') return <span className="muted">none (root span)</span>;
  if (d.parent) {
    const parent = d.parent;
    return (
      <button type="button" className="link-button mono" data-testid="parent-link" onClick={() => void actions.jumpTo(parent)}>
        {d.parentSpanId}
      </button>
    );
  }
  const why = d.rowFlags & RowFlag.CYCLE ? 'link cut: it closes a cycle' : 'not in this data';
  return (
    <span className="mono">
      {d.parentSpanId} <span className="mark mark-orphan">{why}</span>
    </span>
  );
}

export function SpanFacts({ d }: { d: SpanDetails }) {
  return (
    <dl className="facts">
      <Fact label="span id">
        <span className="mono">{d.spanId}</span>
        <CopyButton text={d.spanId} label="span id" />
        {d.rowFlags & RowFlag.DUPLICATE_ID ? <span className="mark mark-dup">duplicate id</span> : null}
      </Fact>
      <Fact label="trace id">
        <span className="mono">{d.traceId}</span>
        <CopyButton text={d.traceId} label="trace id" />
      </Fact>
      <Fact label="parent">
        <ParentFact d={d} />
      </Fact>
      <Fact label="kind">{d.kindName}</Fact>
      <Fact label="status">
        <span className={`status status-${d.status.codeName}`}>{d.status.codeName}</span>
        {d.status.message ? <span className="status-message"> {d.status.message}</span> : null}
      </Fact>
      <Fact label="start">
        <span className="mono" data-testid="span-start">{d.startIso || 'absent'}</span>
      </Fact>
      <Fact label="duration">
        {d.durationNs ? (
          <span className="mono" data-testid="span-duration" title={`${d.durationNs} ns`}>
            {formatExactMillis(d.durationNs)} <span className="muted">({groupDigits(d.durationNs)} ns)</span>
          </span>
        ) : (
          <span className="mark mark-error">never ended</span>
        )}
      </Fact>
      {d.selfNs ? (
        <Fact label="self time">
          <span className="mono" data-testid="span-self-time" title={`${d.selfNs} ns not covered by child spans`}>{formatExactMillis(d.selfNs)}</span> <span className="muted">not in child spans</span>
        </Fact>
      ) : null}
      <Fact label="offset">
        <span className="mono">+{formatExactMillis(d.offsetNs)}</span> <span className="muted">from trace start</span>
      </Fact>
      {d.traceState ? (
        <Fact label="trace state">
          <span className="mono">{d.traceState}</span>
        </Fact>
      ) : null}
      {d.flags !== null ? (
        <Fact label="flags">
          <span className="mono">0x{d.flags.toString(16).padStart(2, '0')}</span>
        </Fact>
      ) : null}
      <Fact label="source">
        <span className="mono" title={d.input.file}>
          {d.input.file}
        </span>{' '}
        <span className="muted">
          {d.input.where} · {d.input.format}
        </span>
        {d.copies > 0 ? <span className="mark mark-dup">exported {d.copies + 1}×</span> : null}
      </Fact>
    </dl>
  );
}
