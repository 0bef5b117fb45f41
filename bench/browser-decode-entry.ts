// What bench/browser-decode.ts bundles for the page: the core's decode + assemble, and the protobufjs
// reflection decoder it is measured against.
export { loadDataset } from '../src/core/load-dataset.ts';
export { tracesDataType } from '../test/support/otlp-proto-schema.ts';
