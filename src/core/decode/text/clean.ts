// Console text as a terminal shows it: strips ANSI colour codes and carriage returns so decoders see the
// exporter's own characters. Line positions are kept (one output line per input line).
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export function cleanLines(text: string): string[] {
  return text.replace(ANSI, '').split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
