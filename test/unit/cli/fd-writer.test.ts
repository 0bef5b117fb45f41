// The CLI's output writer: all of a text reaches the descriptor, through partial writes and a full pipe
// (EAGAIN), in order; a reader gone away (EPIPE) ends the output quietly; other errors are not hidden.
import { describe, expect, it } from 'vitest';
import { fdWriter } from '../../../src/cli/fd-writer.ts';

const errno = (code: string): Error => Object.assign(new Error(code), { code });

describe('fdWriter', () => {
  it('writes every byte in order through partial writes and a full pipe', () => {
    const got: number[] = [];
    let calls = 0;
    let waits = 0;
    const write = fdWriter(
      7,
      (fd, buffer, offset) => {
        expect(fd).toBe(7);
        calls++;
        if (calls % 3 === 0) throw errno('EAGAIN');
        const n = Math.min(5, buffer.length - offset); // at most 5 bytes a call
        got.push(...buffer.subarray(offset, offset + n));
        return n;
      },
      () => void waits++,
    );
    write('héllo, ');
    write('wörld: 12345678901234567890');
    expect(Buffer.from(got).toString('utf8')).toBe('héllo, wörld: 12345678901234567890');
    expect(waits).toBeGreaterThan(0);
  });

  it('stops quietly once the reader is gone, and throws other errors', () => {
    let calls = 0;
    const write = fdWriter(1, () => {
      calls++;
      throw errno('EPIPE');
    });
    write('a');
    write('b');
    expect(calls).toBe(1);
    const failing = fdWriter(1, () => {
      throw errno('EBADF');
    });
    expect(() => failing('x')).toThrow('EBADF');
  });
});
