import { pickChineseVoice } from './voices.ts';

/** What the reader is doing; drives the buttons and the status message. */
export type ReadAloudState = 'idle' | 'speaking' | 'paused' | 'done' | 'failed';

/** Callbacks of a {@link ReadAloud}. */
export interface ReadAloudEvents {
  /** Called with the index of the sentence that starts being spoken, or -1 when none is. */
  onSentence(index: number): void;
  onState(state: ReadAloudState): void;
}

/**
 * Reads a list of sentences with the Web Speech API, one utterance per sentence so
 * the sentence being read is known (and long texts never hit engine time-outs).
 */
export class ReadAloud {
  #synth: SpeechSynthesis;
  #events: ReadAloudEvents;
  #sentences: string[] = [];
  #index = 0;
  /** Bumped on every start/stop so events of cancelled utterances are ignored. */
  #run = 0;
  #state: ReadAloudState = 'idle';

  constructor(synth: SpeechSynthesis, events: ReadAloudEvents) {
    this.#synth = synth;
    this.#events = events;
  }

  /** The current state. */
  get state(): ReadAloudState {
    return this.#state;
  }

  /** Reads `sentences` from `from` to the end, cancelling anything being read. */
  start(sentences: string[], from = 0): void {
    this.#synth.cancel();
    this.#run++;
    this.#sentences = sentences;
    this.#index = Math.max(0, from);
    this.#setState('speaking');
    this.#speakCurrent(this.#run);
  }

  /** Pauses mid-sentence. */
  pause(): void {
    if (this.#state !== 'speaking') return;
    this.#synth.pause();
    this.#setState('paused');
  }

  /** Continues after {@link pause}. */
  resume(): void {
    if (this.#state !== 'paused') return;
    this.#synth.resume();
    this.#setState('speaking');
  }

  /** Stops and forgets the position. */
  stop(): void {
    this.#run++;
    this.#synth.cancel();
    this.#events.onSentence(-1);
    this.#setState('idle');
  }

  #speakCurrent(run: number): void {
    if (this.#index >= this.#sentences.length) {
      this.#events.onSentence(-1);
      this.#setState('done');
      return;
    }
    const utterance = new SpeechSynthesisUtterance(this.#sentences[this.#index]);
    utterance.lang = 'zh-CN';
    const voice = pickChineseVoice(this.#synth.getVoices());
    if (voice) utterance.voice = voice;
    const index = this.#index;
    utterance.addEventListener('end', () => {
      if (run !== this.#run) return;
      this.#index = index + 1;
      this.#speakCurrent(run);
    });
    utterance.addEventListener('error', (event) => {
      // "interrupted"/"canceled" come from our own cancel(); anything else ends the reading.
      if (run !== this.#run || ['interrupted', 'canceled'].includes((event as SpeechSynthesisErrorEvent).error)) return;
      this.stop();
      this.#setState('failed');
    });
    this.#events.onSentence(index);
    this.#synth.speak(utterance);
  }

  #setState(state: ReadAloudState): void {
    this.#state = state;
    this.#events.onState(state);
  }
}
