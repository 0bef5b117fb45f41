// Every request to the worker takes a ticket; an answer is used only while its ticket is still current.
// A newer request on the same channel, or any change of the loaded data, makes older answers stale.
export type Channel = 'traces' | 'waterfall' | 'rows' | 'details' | 'search' | 'query' | 'lint' | 'critical';

export type Ticket = () => boolean;

export class Generations {
  private dataGen = 0;
  private clearGen = 0;
  private readonly channelGen = new Map<Channel, number>();

  /** A new request on `channel`: earlier tickets of that channel turn stale. */
  take(channel: Channel): Ticket {
    const gen = (this.channelGen.get(channel) ?? 0) + 1;
    this.channelGen.set(channel, gen);
    const dataGen = this.dataGen;
    return () => this.channelGen.get(channel) === gen && this.dataGen === dataGen;
  }

  /** The loaded data changed: every outstanding answer is stale. */
  dataChanged(): void {
    this.dataGen++;
  }

  /** Everything loaded was dropped (the worker also stopped the loads under way): a data change too. */
  cleared(): void {
    this.clearGen++;
    this.dataGen++;
  }

  /** Stays current until the next clear: a load that outlives one has nothing left to show. */
  sinceClear(): Ticket {
    const clearGen = this.clearGen;
    return () => this.clearGen === clearGen;
  }
}
