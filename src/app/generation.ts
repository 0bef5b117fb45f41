// Every request to the worker takes a ticket; an answer is used only while its ticket is still current.
// A newer request on the same channel, or any change of the loaded data, makes older answers stale.
export type Channel = 'traces' | 'waterfall' | 'rows' | 'details' | 'search' | 'query' | 'lint';

export type Ticket = () => boolean;

export class Generations {
  private dataGen = 0;
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
}
