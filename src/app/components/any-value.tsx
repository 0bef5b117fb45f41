// An OTLP AnyValue shown with its type, so `int 200` is not mistaken for `string "200"`. Text only: values
// from data never become markup or links.
import type { AnyValue, KeyValue } from '../../core/model/records.ts';
import { ShowMore, useShownCount } from './show-more.tsx';

function typeTag(v: AnyValue): string {
  switch (v.type) {
    case 'string':
    case 'bool':
    case 'int':
    case 'double':
    case 'bytes':
    case 'kvlist':
    case 'empty':
    case 'truncated':
      return v.type;
    case 'array':
      return `array[${v.values.length}]`;
    default: {
      const never: never = v;
      return never;
    }
  }
}

function doubleText(value: number): string {
  // A double that happens to be whole still reads as a double.
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function ValueBody({ value }: { value: AnyValue }) {
  switch (value.type) {
    case 'string':
      return <span className="v-string">{JSON.stringify(value.value)}</span>;
    case 'bool':
      return <span className="v-bool">{String(value.value)}</span>;
    case 'int':
      return <span className="v-int">{value.value}</span>;
    case 'double':
      return <span className="v-double">{doubleText(value.value)}</span>;
    case 'bytes':
      return <span className="v-bytes">0x{value.value}</span>;
    case 'empty':
      return <span className="v-empty">(no value)</span>;
    case 'truncated':
      return <span className="v-truncated">cut by the exporter: {value.note}</span>;
    case 'array':
      return <ArrayBody values={value.values} />;
    case 'kvlist':
      return <KvListBody values={value.values} />;
    default: {
      const never: never = value;
      return never;
    }
  }
}

function ArrayBody({ values }: { values: readonly AnyValue[] }) {
  const { shown, more } = useShownCount(values.length);
  return (
    <>
      <ol className="v-array">
        {values.slice(0, shown).map((item, itemIdx) => (
          <li key={itemIdx}>
            <AnyValueView value={item} />
          </li>
        ))}
      </ol>
      <ShowMore shown={shown} total={values.length} what="items" onMore={more} />
    </>
  );
}

function KvListBody({ values }: { values: readonly KeyValue[] }) {
  const { shown, more } = useShownCount(values.length);
  return (
    <>
      <dl className="v-kvlist">
        {values.slice(0, shown).map((kv, kvIdx) => (
          <div key={kvIdx} className="v-kv">
            <dt>{kv.key}</dt>
            <dd>
              <AnyValueView value={kv.value} />
            </dd>
          </div>
        ))}
      </dl>
      <ShowMore shown={shown} total={values.length} what="entries" onMore={more} />
    </>
  );
}

export function AnyValueView({ value }: { value: AnyValue }) {
  return (
    <span className={`any-value type-${value.type}`} data-value-type={value.type}>
      <span className="type-tag">{typeTag(value)}</span>
      <ValueBody value={value} />
    </span>
  );
}
